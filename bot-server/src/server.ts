/**
 * createServer(deps): the HTTP server of the app. The Zalo webhook gets its requests straight from Node's HTTP
 * server, before Express: every citizen message and every retry of Zalo's comes through it. Express gives each
 * request and response a new prototype (Object.setPrototypeOf), which V8 pays for in slower, longer-lived objects:
 * under a steady 3,000 events/s that, not the webhook's own work, made the slow tail of the acknowledgements
 * (`npm run bench -- webhook`). Everything else goes to createApp's Express application, which mounts the same
 * webhook handler.
 */
import { createServer as createHttpServer, type Server } from "node:http";
import { createApp, type AppOptions } from "./app.js";
import type { Deps } from "./deps.js";
import { createZaloWebhookHandler, isWebhookUrl } from "./zalo/webhook.routes.js";

export function createServer(deps: Deps, options: AppOptions = {}): Server {
  const app = createApp(deps, options);
  const webhook = createZaloWebhookHandler(deps);
  return createHttpServer((req, res) => (isWebhookUrl(req.url) ? webhook(req, res) : app(req, res)));
}
