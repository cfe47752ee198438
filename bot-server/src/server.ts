/**
 * createServer(deps): the HTTP server of the app, whose requests and responses are born with the prototypes Express
 * gives them. Express sets `Object.setPrototypeOf(req, app.request)` (and the same for res) on every request; on an
 * object of another prototype V8 pays for that in slower, longer-lived objects, and under a steady load that, not
 * the app's own work, made most of the garbage and the slow tail of the answers (`npm run bench -- webhook`: at a
 * steady 3,000 events/s, a p99 of 9-46 ms for a bare Express endpoint, 1-4 ms born this way). Born with those
 * prototypes, the call changes nothing.
 */
import { createServer as createHttpServer, IncomingMessage, ServerResponse, type Server } from "node:http";
import type { Socket } from "node:net";
import type { Express } from "express";
import { createApp, type AppOptions } from "./app.js";
import type { Deps } from "./deps.js";

export function createServer(deps: Deps, options: AppOptions = {}): Server {
  const app = createApp(deps, options);
  return createHttpServer(bornAsExpress(app), app);
}

/** Node's request and response constructors, with Express's prototypes for this app. */
function bornAsExpress(app: Express) {
  function ExpressRequest(this: IncomingMessage, socket: Socket) {
    IncomingMessage.call(this, socket);
  }
  ExpressRequest.prototype = app.request;
  function ExpressResponse(this: ServerResponse, req: IncomingMessage, options?: unknown) {
    (ServerResponse as unknown as (this: ServerResponse, req: IncomingMessage, options?: unknown) => void).call(
      this,
      req,
      options,
    );
  }
  ExpressResponse.prototype = app.response;
  return {
    IncomingMessage: ExpressRequest as unknown as typeof IncomingMessage,
    ServerResponse: ExpressResponse as unknown as typeof ServerResponse,
  };
}
