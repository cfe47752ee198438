/**
 * /console/api/chatbot: the OA's area and "Thử chatbot" (use-cases/chatbot-console.ts), as route-table rows with
 * the schemas of shared/console/chatbot.ts.
 */
import {
  ChatbotAreaBody,
  ChatbotAreaReply,
  ChatbotTryBody,
  ChatbotTryReply,
  ChatbotUnitsReply,
} from "../../../shared/console/chatbot.js";
import { route, NO_STORE, type AnyRoute } from "../http/route-table.js";
import { chatbotArea, chatbotTryUnits, setChatbotArea, tryChatbot } from "../use-cases/chatbot-console.js";

export function consoleChatbotRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/area",
      tag: "Chatbot",
      auth: "officer",
      summary: "The OA's area: the unit the chatbot answers for when a citizen names none",
      response: { status: 200, schema: ChatbotAreaReply, description: "The area and, for its editor, the choices" },
      errors: [],
      handler: async ({ officer }, deps) => ({ ok: true, value: await chatbotArea(deps, officer), headers: NO_STORE }),
    }),
    route({
      method: "put",
      path: "/area",
      tag: "Chatbot",
      auth: "officer",
      may: "chatbot.edit_area",
      bodyOptional: true,
      body: ChatbotAreaBody,
      summary: "Set the OA's area to the officer's unit or its province (audited)",
      response: { status: 200, schema: ChatbotAreaReply, description: "Saved" },
      errors: ["forbidden"],
      handler: ({ officer, body }, deps) => setChatbotArea(deps, officer, body.unitId),
    }),
    route({
      method: "get",
      path: "/units",
      tag: "Chatbot",
      auth: "officer",
      summary: "The units to try the chatbot for, the officer's own first",
      response: { status: 200, schema: ChatbotUnitsReply, description: "The units" },
      errors: [],
      handler: async ({ officer }, deps) => ({
        ok: true,
        value: await chatbotTryUnits(deps, officer),
        headers: NO_STORE,
      }),
    }),
    route({
      method: "post",
      path: "/try",
      tag: "Chatbot",
      auth: "officer",
      bodyOptional: true,
      body: ChatbotTryBody,
      summary: "The reply a citizen would get to a message (nothing is sent)",
      response: { status: 200, schema: ChatbotTryReply, description: "What was understood and the reply" },
      errors: [],
      handler: ({ officer, body }, deps) => tryChatbot(deps, officer, body),
    }),
  ];
}
