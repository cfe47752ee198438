/**
 * The real app (test/helpers/app.ts) configured for Zalo against the OpenAPI stand-in, plus the webhook driver:
 * `post(zaloEvent.text({ userId, text }))` signs like Zalo and sends; `settle()` waits until the replies went out.
 */
import { startTestApp, type TestApp } from "../helpers/app.js";
import {
  signWebhook,
  startZaloStandIn,
  type StandInOptions,
  type ZaloStandIn,
} from "../helpers/zalo-openapi-stand-in.js";
import type { DatabaseHandle } from "../../bot-server/src/store/connect.js";
import type { ZaloRuntime } from "../../bot-server/src/zalo/zalo-runtime.js";
import { startNotifications, type Notifications } from "../../bot-server/src/notify/start-notifications.js";

/** Tuesday 14/10/2025 09:30 in Việt Nam: the next "Ngày không hẹn" (Wednesday) is 15/10/2025. */
export const TUESDAY_MORNING = "2025-10-14T09:30:00+07:00";
export const PUBLIC_BASE_URL = "https://khonghen.test";
export const MINI_APP_ID = "4321987650001";

export interface Bot {
  app: TestApp;
  zalo: ZaloStandIn;
  runtime: ZaloRuntime;
  /** The outbox sender, as `npm start` runs it: retries the replies Zalo did not take. */
  notifications: Notifications;
  /** Signs the payload (unless `signature` is given) and posts it to /webhook/zalo. */
  post(payload: Record<string, unknown>, options?: { signature?: string | null; rawBody?: string }): Promise<Response>;
  /** Ms since epoch on the server's clock (event timestamps). */
  nowMs(): number;
  /** Every queued event handled. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface BotOptions {
  env?: Record<string, string>;
  standIn?: StandInOptions;
  /** The server's instant (default Tuesday 14/10/2025 09:30); null: the real clock (retries wait real time). */
  now?: string | null;
  /** false: start without any Zalo configuration. */
  zalo?: boolean;
}

export async function startBot(database: DatabaseHandle, options: BotOptions = {}): Promise<Bot> {
  const zalo = await startZaloStandIn(options.standIn);
  const zaloEnv: Record<string, string> =
    options.zalo === false
      ? {}
      : {
          ZALO_APP_ID: zalo.appId,
          ZALO_APP_SECRET: zalo.appSecret,
          ZALO_OA_ID: zalo.oaId,
          ZALO_OA_SECRET_KEY: zalo.oaSecretKey,
          ZALO_OA_REFRESH_TOKEN: zalo.seedRefreshToken,
          ZALO_OPENAPI_BASE: zalo.url,
          ZALO_OAUTH_BASE: zalo.url,
          ZALO_BUSINESS_BASE: zalo.url,
          ZALO_MINIAPP_ID: MINI_APP_ID,
        };
  const app = await startTestApp(database, {
    ...(options.now === null ? {} : { now: options.now ?? TUESDAY_MORNING }),
    env: { PUBLIC_BASE_URL, ...zaloEnv, ...options.env },
  });
  const runtime = app.deps.zalo;
  const notifications = startNotifications(app.deps);
  return {
    app,
    zalo,
    runtime,
    notifications,
    nowMs: () => app.clock.now().getTime(),
    post(payload, opts = {}) {
      const signed = signWebhook(payload, { appId: zalo.appId, oaSecretKey: zalo.oaSecretKey }, opts.rawBody);
      const headers: Record<string, string> = { "content-type": "application/json" };
      const signature = opts.signature === undefined ? signed.headers["x-zevent-signature"] : opts.signature;
      if (signature !== null) headers["x-zevent-signature"] = signature;
      return fetch(`${app.url}/webhook/zalo`, { method: "POST", headers, body: signed.body });
    },
    settle: () => runtime.queue.idle(),
    async close() {
      await notifications.stop();
      await app.close();
      await app.deps.zalo.close();
      await zalo.close();
    },
  };
}
