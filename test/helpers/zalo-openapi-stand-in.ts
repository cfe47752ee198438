/**
 * A local stand-in of Zalo's OpenAPI, OAuth, ZNS/ZBS and Mini App notification hosts (docs/zalo.md#sending-apis, #local-stand-ins), on
 * 127.0.0.1 and a free port, speaking the documented envelopes and recording what it receives. One base URL serves
 * every host: point ZALO_OPENAPI_BASE, ZALO_OAUTH_BASE, ZALO_BUSINESS_BASE (and the Mini App Open API base) at `url`.
 *
 *   const zalo = await startZaloStandIn();               // accepts refresh token zalo.seedRefreshToken
 *   zalo.expireAccessTokens();                           // every access token issued so far now gets -216
 *   zalo.fail("cs", { error: -230 }, 2);                 // the next 2 CS messages fail with -230
 *   zalo.fail("cs", { status: 500 }); zalo.fail("cs", { delayMs: 5000 }); zalo.fail("oauth", { error: -14014 });
 *   await zalo.waitFor("cs", 3);                         // the first 3 accepted CS messages
 *   zalo.close();
 *
 * Also the webhook driver: `zaloEvent.text(…)` builds the payloads of docs/zalo.md#oa-webhook and `signWebhook` signs them as docs/zalo.md#oa-webhook says.
 */
import { createHash, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express, { type Request, type Response } from "express";

export type StandInRoute = "oauth" | "cs" | "uid_template" | "zns" | "miniapp" | "quota" | "user_detail";

/** What the next request(s) on a route get instead of the normal answer. */
export type Fault =
  | { status: number }
  | { error: number; message?: string }
  /** Answer normally, but only after this long (a client with a shorter timeout sees a timeout). */
  | { delayMs: number }
  /** Close the connection without answering. */
  | { drop: true };

export interface Captured {
  route: StandInRoute;
  at: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** For CS/UID template: the recipient; ZNS: the phone; Mini App: X-User-Id. */
  recipient?: string;
  text?: string;
  buttons?: { title: string; type: string; payload: unknown }[];
  /** Returned message id (accepted messages only). */
  messageId?: string;
  accessToken?: string;
}

export interface StandInOptions {
  appId?: string;
  appSecret?: string;
  oaId?: string;
  oaSecretKey?: string;
  seedRefreshToken?: string;
  /** expires_in of issued access tokens, seconds (string on the wire, as Zalo sends it). */
  accessTokenLifetimeSeconds?: number;
  /** Enforce the 7-day window on CS messages: only users passed to interact() within 7 days get them (else -230). */
  requireInteraction?: boolean;
  /** Mini App Open API key accepted (any when unset). */
  miniAppApiKey?: string;
  /** POST a signed `oa_send_text` echo here after each accepted CS message, as Zalo does. */
  echoWebhookUrl?: string;
  /** Answer every request after this many ms (a slow Zalo). */
  latencyMs?: number;
  /** The stand-in's clock (ZNS night window, interaction window). */
  now?: () => number;
}

export interface ZaloStandIn {
  url: string;
  appId: string;
  appSecret: string;
  oaId: string;
  oaSecretKey: string;
  seedRefreshToken: string;
  /** Accepted requests per route (failed ones are in `rejected`). */
  readonly accepted: Captured[];
  readonly rejected: (Captured & { error: number | string })[];
  /** Accepted CS messages, in arrival order. */
  readonly csMessages: Captured[];
  /** Successful refreshes (new pairs issued). */
  readonly refreshCount: number;
  /** Every OAuth call, successful or not. */
  readonly oauthCalls: number;
  fail(route: StandInRoute, fault: Fault, times?: number): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  /** Invalidate every access token issued so far (they answer -216 / -124). */
  expireAccessTokens(): void;
  /** Issue a pair directly (as API Explorer would), without OAuth. */
  issuePair(): { accessToken: string; refreshToken: string };
  /** The user interacted with the OA at `at` (opens the 7-day CS window). */
  interact(userId: string, at?: number): void;
  optIn(miniAppUserId: string): void;
  waitFor(route: StandInRoute, count: number, timeoutMs?: number): Promise<Captured[]>;
  reset(): void;
  close(): Promise<void>;
}

const SEVEN_DAYS = 7 * 86_400_000;
const CS_BUTTON_TYPES = new Set(["oa.open.url", "oa.query.show", "oa.query.hide", "oa.open.phone", "oa.open.sms"]);
const ok = (data: Record<string, unknown>) => ({ error: 0, message: "Success", data });
const zaloError = (error: number, message: string) => ({ error, message });
const id = (prefix: string) => `${prefix}${randomBytes(10).toString("hex")}`;

export async function startZaloStandIn(options: StandInOptions = {}): Promise<ZaloStandIn> {
  const appId = options.appId ?? "1234567890123456789";
  const appSecret = options.appSecret ?? "TEST_APP_SECRET";
  const oaId = options.oaId ?? "388613280878808645";
  const oaSecretKey = options.oaSecretKey ?? "TEST_OA_SECRET_KEY";
  const seedRefreshToken = options.seedRefreshToken ?? "RT-seed";
  const now = options.now ?? Date.now;
  const lifetime = options.accessTokenLifetimeSeconds ?? 90_000;
  let latency = options.latencyMs ?? 0;

  const validAccess = new Set<string>();
  const validRefresh = new Set<string>([seedRefreshToken]);
  const interactions = new Map<string, number>();
  const optedIn = new Set<string>();
  const faults = new Map<StandInRoute, Fault[]>();
  const accepted: Captured[] = [];
  const rejected: (Captured & { error: number | string })[] = [];
  const waiters: { route: StandInRoute; count: number; resolve: (c: Captured[]) => void }[] = [];
  const held = new Set<Response>();
  let refreshCount = 0;
  let oauthCalls = 0;
  let serial = 0;

  const issuePair = () => {
    serial += 1;
    const pair = {
      accessToken: `AT-${serial}-${randomBytes(4).toString("hex")}`,
      refreshToken: `RT-${serial}-${randomBytes(4).toString("hex")}`,
    };
    validAccess.add(pair.accessToken);
    validRefresh.add(pair.refreshToken);
    return pair;
  };

  const ofRoute = (route: StandInRoute) => accepted.filter((c) => c.route === route);
  const notify = () => {
    for (const w of [...waiters]) {
      const list = ofRoute(w.route);
      if (list.length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(list.slice(0, w.count));
      }
    }
  };

  /** Runs the programmed fault, if any; true when the request was answered by it. */
  async function applyFault(route: StandInRoute, req: Request, res: Response): Promise<boolean> {
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const list = faults.get(route);
    const fault = list?.shift();
    if (!fault) return false;
    if ("delayMs" in fault) {
      held.add(res);
      await new Promise((r) => setTimeout(r, fault.delayMs));
      held.delete(res);
      return res.writableEnded;
    }
    const base: Captured = { route, at: now(), headers: req.headers, body: req.body };
    if ("drop" in fault) {
      rejected.push({ ...base, error: "dropped" });
      req.socket.destroy();
      return true;
    }
    if ("status" in fault) {
      rejected.push({ ...base, error: `HTTP ${fault.status}` });
      res.status(fault.status).json({ error: -1, message: "stand-in fault" });
      return true;
    }
    rejected.push({ ...base, error: fault.error });
    res.json(zaloError(fault.error, fault.message ?? "stand-in fault"));
    return true;
  }

  function reject(res: Response, c: Captured, error: number, message: string) {
    rejected.push({ ...c, error });
    res.json(zaloError(error, message));
  }

  function accept(c: Captured) {
    accepted.push(c);
    notify();
  }

  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "1mb" }));
  app.use(express.urlencoded({ extended: false }));

  app.post("/v4/oa/access_token", async (req, res) => {
    oauthCalls += 1;
    if (await applyFault("oauth", req, res)) return;
    const body = (req.body ?? {}) as Record<string, string>;
    const c: Captured = {
      route: "oauth",
      at: now(),
      headers: req.headers,
      body: { ...body, refresh_token: body.refresh_token ? "[set]" : undefined },
    };
    const fail = (error: number, name: string) => {
      rejected.push({ ...c, error });
      res.json({ error, error_name: name, error_reason: name, ref_doc: "", error_description: name });
    };
    if (req.headers.secret_key !== appSecret) return fail(-14014, "Invalid secret key");
    if (body.app_id !== appId) return fail(-14001, "Invalid app_id");
    if (body.grant_type !== "refresh_token") return fail(-14004, "Unsupported grant_type in this stand-in");
    if (!body.refresh_token || !validRefresh.delete(body.refresh_token))
      return fail(-14009, "Invalid refresh token (already used or unknown)");
    const pair = issuePair();
    refreshCount += 1;
    accept(c);
    res.json({ access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: String(lifetime) });
  });

  /** Common OA checks; returns the captured request or undefined when answered with an error. */
  function authorised(route: StandInRoute, req: Request, res: Response, invalidTokenCode = -216): Captured | undefined {
    const token = typeof req.headers.access_token === "string" ? req.headers.access_token : undefined;
    const c: Captured = {
      route,
      at: now(),
      headers: req.headers,
      body: req.body,
      ...(token ? { accessToken: token } : {}),
    };
    if (!token || !validAccess.has(token)) {
      reject(res, c, invalidTokenCode, "Access token is invalid");
      return undefined;
    }
    return c;
  }

  app.post("/v3.0/oa/message/cs", async (req, res) => {
    if (await applyFault("cs", req, res)) return;
    const c = authorised("cs", req, res);
    if (!c) return;
    const body = (req.body ?? {}) as {
      recipient?: { user_id?: unknown };
      message?: { text?: unknown; attachment?: { payload?: { buttons?: unknown } } };
    };
    const userId = body.recipient?.user_id;
    const text = body.message?.text;
    const buttons = (body.message?.attachment?.payload?.buttons ?? []) as Captured["buttons"] & object;
    if (typeof userId !== "string" || !/^\d+$/.test(userId))
      return reject(res, c, -201, "recipient.user_id is invalid");
    if (typeof text !== "string" || text.length === 0 || text.length > 2000)
      return reject(res, c, -201, "message.text is invalid");
    if (!Array.isArray(buttons) || buttons.length > 5 || buttons.some((b) => !CS_BUTTON_TYPES.has(b?.type))) {
      return reject(res, c, -201, "buttons are invalid");
    }
    if (options.requireInteraction) {
      const last = interactions.get(userId);
      if (last === undefined || now() - last > SEVEN_DAYS)
        return reject(res, c, -230, "User has not interacted with the OA in the past 7 days");
    }
    const messageId = id("cs");
    accept({ ...c, recipient: userId, text, buttons, messageId });
    res.json(ok({ message_id: messageId, user_id: userId }));
    if (options.echoWebhookUrl) void postEcho(options.echoWebhookUrl, userId, text, messageId);
  });

  app.post("/v3.0/oa/message/template", async (req, res) => {
    if (await applyFault("uid_template", req, res)) return;
    const c = authorised("uid_template", req, res);
    if (!c) return;
    const body = (req.body ?? {}) as { user_id?: unknown; template_id?: unknown; template_data?: unknown };
    if (
      typeof body.user_id !== "string" ||
      typeof body.template_id !== "string" ||
      typeof body.template_data !== "object"
    ) {
      return reject(res, c, -201, "user_id, template_id and template_data are required");
    }
    const messageId = id("uid");
    accept({ ...c, recipient: body.user_id, messageId });
    res.json(
      ok({
        message_id: messageId,
        user_id: body.user_id,
        sent_time: String(now()),
        quota: { quota_type: "purchase_quota", remain: 4821 },
      }),
    );
  });

  app.post("/message/template", async (req, res) => {
    if (await applyFault("zns", req, res)) return;
    const c = authorised("zns", req, res, -124);
    if (!c) return;
    const body = (req.body ?? {}) as {
      phone?: unknown;
      template_id?: unknown;
      tracking_id?: unknown;
      template_data?: unknown;
    };
    if (typeof body.phone !== "string" || !/^84\d{9,10}$/.test(body.phone))
      return reject(res, c, -108, "Phone number is invalid");
    if (typeof body.tracking_id !== "string" || body.tracking_id.length === 0 || body.tracking_id.length > 48) {
      return reject(res, c, -201, "tracking_id is invalid");
    }
    if (typeof body.template_id !== "string" || typeof body.template_data !== "object")
      return reject(res, c, -1122, "Missing parameter");
    const hour = new Date(now() + 7 * 3_600_000).getUTCHours();
    if (hour >= 22 || hour < 6) return reject(res, c, -133, "Cannot send ZNS at night (22:00–06:00)");
    const messageId = id("zns");
    accept({ ...c, recipient: body.phone, messageId });
    res.json(
      ok({
        msg_id: messageId,
        sent_time: String(now()),
        sending_mode: "1",
        quota: { dailyQuota: "500", remainingQuota: "499" },
      }),
    );
  });

  app.post("/notification/template", async (req, res) => {
    if (await applyFault("miniapp", req, res)) return;
    const userId = typeof req.headers["x-user-id"] === "string" ? req.headers["x-user-id"] : "";
    const c: Captured = { route: "miniapp", at: now(), headers: req.headers, body: req.body, recipient: userId };
    const key = req.headers["x-api-key"];
    if (
      typeof key !== "string" ||
      !key.startsWith("Bearer ") ||
      (options.miniAppApiKey && key !== `Bearer ${options.miniAppApiKey}`)
    ) {
      return reject(res, c, -401, "Invalid API key");
    }
    if (!req.headers["x-miniapp-id"] || userId === "")
      return reject(res, c, -201, "X-MiniApp-Id and X-User-Id are required");
    if (optedIn.size > 0 && !optedIn.has(userId)) return reject(res, c, -230, "User has not allowed notifications");
    accept({ ...c, messageId: id("mini") });
    res.json({ error: 0, message: "Success" });
  });

  app.post("/v3.0/oa/quota/message", async (req, res) => {
    if (await applyFault("quota", req, res)) return;
    const c = authorised("quota", req, res);
    if (!c) return;
    const userId = String((req.body as { user_id?: unknown })?.user_id ?? "");
    accept({ ...c, recipient: userId });
    res.json(ok({ last_interaction: String(interactions.get(userId) ?? 0), cs_reply: { remain: 8, total: 8 } }));
  });

  app.get("/v3.0/oa/user/detail", async (req, res) => {
    if (await applyFault("user_detail", req, res)) return;
    const c = authorised("user_detail", req, res);
    if (!c) return;
    let userId = "";
    try {
      userId = String((JSON.parse(String(req.query.data ?? "{}")) as { user_id?: unknown }).user_id ?? "");
    } catch {
      return reject(res, c, -201, "data is invalid");
    }
    accept({ ...c, recipient: userId });
    const last = interactions.get(userId);
    res.json(
      ok({
        user_id: userId,
        user_id_by_app: "",
        display_name: "Người dùng thử",
        user_is_follower: true,
        user_last_interaction_date: last
          ? new Date(last + 7 * 3_600_000).toISOString().slice(0, 10).split("-").reverse().join("/")
          : "",
      }),
    );
  });

  async function postEcho(url: string, userId: string, text: string, messageId: string) {
    const payload = zaloEvent.oaSendText({ appId, oaId, userId, text, msgId: messageId, timestamp: String(now()) });
    const signed = signWebhook(payload, { appId, oaSecretKey });
    await fetch(url, { method: "POST", headers: signed.headers, body: signed.body }).catch(() => undefined);
  }

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    appId,
    appSecret,
    oaId,
    oaSecretKey,
    seedRefreshToken,
    accepted,
    rejected,
    get csMessages() {
      return ofRoute("cs");
    },
    get refreshCount() {
      return refreshCount;
    },
    get oauthCalls() {
      return oauthCalls;
    },
    fail(route, fault, times = 1) {
      const list = faults.get(route) ?? [];
      for (let i = 0; i < times; i += 1) list.push(fault);
      faults.set(route, list);
    },
    clearFaults: () => faults.clear(),
    setLatency(ms) {
      latency = ms;
    },
    expireAccessTokens: () => validAccess.clear(),
    issuePair,
    interact(userId, at = now()) {
      interactions.set(userId, at);
    },
    optIn: (userId) => void optedIn.add(userId),
    waitFor(route, count, timeoutMs = 10_000) {
      const list = ofRoute(route);
      if (list.length >= count) return Promise.resolve(list.slice(0, count));
      return new Promise((resolve, rejectWait) => {
        const w = { route, count, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i < 0) return;
          waiters.splice(i, 1);
          rejectWait(
            new Error(
              `stand-in: waited ${timeoutMs} ms for ${count} ${route} request(s), got ${ofRoute(route).length}`,
            ),
          );
        }, timeoutMs).unref();
      });
    },
    reset() {
      accepted.length = 0;
      rejected.length = 0;
      faults.clear();
      refreshCount = 0;
      oauthCalls = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Webhook driver: payloads of docs/zalo.md#oa-webhook and the docs/zalo.md#oa-webhook signature.

export interface WebhookKeys {
  /** First term of the signature (the app id; some deployments report the OA id). */
  appId: string;
  oaSecretKey: string;
}

/** sha256(appId + body + timestamp + OA secret key), header `mac=<hex>`; the body string is sent exactly as signed. */
export function signWebhook(payload: Record<string, unknown>, keys: WebhookKeys, rawBody = JSON.stringify(payload)) {
  const timestamp = String(payload.timestamp ?? "");
  const mac = createHash("sha256")
    .update(keys.appId)
    .update(rawBody)
    .update(timestamp)
    .update(keys.oaSecretKey)
    .digest("hex");
  return { body: rawBody, headers: { "content-type": "application/json", "x-zevent-signature": `mac=${mac}` } };
}

interface EventBase {
  appId?: string;
  oaId?: string;
  userId: string;
  /** `user_id_by_app`: the user's id in the Zalo App (the Mini App's userInfo.id); by default one per OA user. */
  appUserId?: string;
  timestamp?: string;
  msgId?: string;
}

/** A distinct Zalo-App-scoped id per OA user id, as Zalo gives one person two ids. */
export const appUserIdOf = (oaUserId: string) => `7${oaUserId.slice(1)}`;
const byApp = (e: EventBase) => e.appUserId ?? appUserIdOf(e.userId);

const base = (e: EventBase) => ({
  app_id: e.appId ?? "1234567890123456789",
  timestamp: e.timestamp ?? String(Date.now()),
});
const msgId = (e: EventBase) => e.msgId ?? randomBytes(10).toString("hex");

export const zaloEvent = {
  text: (e: EventBase & { text: string }) => ({
    ...base(e),
    user_id_by_app: byApp(e),
    event_name: "user_send_text",
    sender: { id: e.userId },
    recipient: { id: e.oaId ?? "388613280878808645" },
    message: { msg_id: msgId(e), text: e.text },
  }),
  image: (e: EventBase) => ({
    ...base(e),
    event_name: "user_send_image",
    sender: { id: e.userId },
    recipient: { id: e.oaId ?? "388613280878808645" },
    message: {
      msg_id: msgId(e),
      text: "",
      attachments: [
        {
          type: "image",
          payload: { url: "https://example.invalid/photo.jpg", thumbnail: "https://example.invalid/t.jpg" },
        },
      ],
    },
  }),
  sticker: (e: EventBase) => ({
    ...base(e),
    event_name: "user_send_sticker",
    sender: { id: e.userId },
    recipient: { id: e.oaId ?? "388613280878808645" },
    message: {
      msg_id: msgId(e),
      attachments: [{ type: "sticker", payload: { id: "abc", url: "https://example.invalid/s.png" } }],
    },
  }),
  location: (e: EventBase) => ({
    ...base(e),
    event_name: "user_send_location",
    sender: { id: e.userId },
    recipient: { id: e.oaId ?? "388613280878808645" },
    message: {
      msg_id: msgId(e),
      attachments: [{ type: "location", payload: { coordinates: { latitude: "12.0", longitude: "107.7" } } }],
    },
  }),
  follow: (e: EventBase) => ({
    ...base(e),
    oa_id: e.oaId ?? "388613280878808645",
    user_id_by_app: byApp(e),
    event_name: "follow",
    source: "oa_profile",
    follower: { id: e.userId },
  }),
  unfollow: (e: EventBase) => ({
    ...base(e),
    oa_id: e.oaId ?? "388613280878808645",
    user_id_by_app: byApp(e),
    event_name: "unfollow",
    source: "oa_profile",
    follower: { id: e.userId },
  }),
  chatNow: (e: EventBase) => ({
    ...base(e),
    oa_id: e.oaId ?? "388613280878808645",
    user_id: e.userId,
    user_id_by_app: byApp(e),
    event_name: "user_click_chatnow",
  }),
  /** ZNS delivery receipt: the phone received the message sent with `trackingId`. */
  znsReceived: (e: {
    phone: string;
    trackingId: string;
    msgId?: string;
    timestamp?: string;
    appId?: string;
    oaId?: string;
  }) => ({
    ...base({ ...e, userId: e.phone }),
    event_name: "user_received_message",
    sender: { id: e.oaId ?? "388613280878808645" },
    recipient: { id: e.phone },
    message: {
      msg_id: e.msgId ?? randomBytes(10).toString("hex"),
      delivery_time: e.timestamp ?? String(Date.now()),
      tracking_id: e.trackingId,
    },
  }),
  oaSendText: (e: EventBase & { text: string }) => ({
    ...base(e),
    event_name: "oa_send_text",
    sender: { id: e.oaId ?? "388613280878808645" },
    recipient: { id: e.userId },
    message: { msg_id: msgId(e), text: e.text },
  }),
};
