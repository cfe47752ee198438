/**
 * /console/api/notifications: whether citizens are being notified at all, the dead letters and their re-drive
 * (use-cases/dead-letters.ts), as route-table rows with the schemas of shared/console/notifications.ts.
 */
import { DeadLettersReply, RedriveParams, RedriveReply, SendingReply } from "../../../shared/console/notifications.js";
import { route, NO_STORE, type AnyRoute } from "../http/route-table.js";
import { sendingStatus } from "../notify/sending-status.js";
import { deadLettersFor, redriveDeadLetter } from "../use-cases/dead-letters.js";

export function consoleNotificationRoutes(): AnyRoute[] {
  return [
    // No Zalo configuration: nothing leaves the outbox, and the console says so.
    route({
      method: "get",
      path: "/sending",
      tag: "Notifications",
      auth: "officer",
      summary: "Whether citizens are being notified through Zalo at all",
      response: { status: 200, schema: SendingReply, description: "Connected, or what to configure" },
      errors: [],
      handler: (_input, deps) => ({ ok: true, value: sendingStatus(deps.config), headers: NO_STORE }),
    }),
    route({
      method: "get",
      path: "/dead-letters",
      tag: "Notifications",
      auth: "officer",
      may: "notifications.read_dead_letters",
      summary: "Notifications not delivered after every attempt",
      response: {
        status: 200,
        schema: DeadLettersReply,
        description: "The unit's dead letters (every unit's for the province)",
      },
      errors: ["forbidden"],
      handler: async ({ officer }, deps) => ({
        ok: true,
        value: await deadLettersFor(deps, officer),
        headers: NO_STORE,
      }),
    }),
    route({
      method: "post",
      path: "/:outboxId/redrive",
      tag: "Notifications",
      auth: "officer",
      may: "notifications.redrive",
      params: RedriveParams,
      summary: "Send a dead letter again (audited)",
      response: { status: 200, schema: RedriveReply, description: "Back in the outbox" },
      errors: ["forbidden", "notification_not_found", "conflict"],
      handler: ({ officer, params }, deps) => redriveDeadLetter(deps, officer, params.outboxId),
    }),
  ];
}
