/**
 * /console/api/conversations: citizens the chatbot handed over to an officer (use-cases/waiting-conversations.ts),
 * as route-table rows with the schemas of shared/console/conversations.ts.
 */
import { ConversationParams, ConversationsReply, HandledReply } from "../../../shared/console/conversations.js";
import { route, NO_STORE, type AnyRoute } from "../http/route-table.js";
import { markHandled, waitingConversations } from "../use-cases/waiting-conversations.js";

export function consoleConversationRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/",
      tag: "Conversations",
      auth: "officer",
      summary: "Citizens waiting for an officer (masked, no message text)",
      response: { status: 200, schema: ConversationsReply, description: "Waiting conversations, oldest first" },
      errors: [],
      handler: async ({ officer }, deps) => ({
        ok: true,
        value: await waitingConversations(deps, officer),
        headers: NO_STORE,
      }),
    }),
    route({
      method: "post",
      path: "/:id/handled",
      tag: "Conversations",
      auth: "officer",
      may: "conversations.handle",
      params: ConversationParams,
      summary: "Mark a conversation handled after answering in Zalo OA Manager (audited)",
      response: { status: 200, schema: HandledReply, description: "Handled" },
      errors: ["forbidden", "conversation_not_found"],
      handler: ({ officer, params }, deps) => markHandled(deps, officer, params.id),
    }),
  ];
}
