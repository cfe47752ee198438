/**
 * Who is calling: a Zalo mini-app user (X-Zalo-Access-Token, verified with the Graph API, never a user id
 * sent by the client) or an anonymous device (Authorization: Bearer <device token>). Lookups are cached
 * briefly by token hash so a burst of requests costs one Graph call and one query.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Request } from "express";
import type { Deps } from "../deps.js";
import { fail, type ApiFailure } from "../http/api-error.js";
import {
  createDeviceCitizen,
  findCitizenIdByDeviceTokenHash,
  findOrCreateZaloCitizen,
  noteMiniAppOpened,
} from "../store/citizens.js";
import { TtlCache } from "../ttl-cache.js";

export interface CitizenIdentity {
  citizenId: string;
  kind: "zalo" | "device";
}

export type AuthOutcome = { ok: true; citizen: CitizenIdentity } | ApiFailure;

export interface CitizenAuth {
  authenticate(req: Request): Promise<AuthOutcome>;
  issueDeviceToken(): Promise<{ token: string; citizenId: string }>;
}

const ZALO_TTL_MS = 5 * 60_000;
const ZALO_REJECT_TTL_MS = 30_000;
const DEVICE_TTL_MS = 5 * 60_000;
const MAX_TOKEN_CHARS = 2048;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function createCitizenAuth(deps: Deps): CitizenAuth {
  const zaloCache = new TtlCache<string, AuthOutcome>(20_000);
  const deviceCache = new TtlCache<string, string>(50_000);
  const nowIso = () => deps.clock.now().toISOString();

  async function byZaloToken(token: string): Promise<AuthOutcome> {
    if (!deps.zaloGraph) return fail("zalo_not_configured");
    const key = hashToken(token);
    const cached = zaloCache.get(key);
    if (cached) return cached;
    const me = await deps.zaloGraph.me(token);
    if (!me.ok) {
      if (me.reason === "unavailable") {
        deps.log.warn({ reason: me.detail }, "zalo graph unavailable");
        return fail("identity_unavailable");
      }
      const rejected = fail("invalid_zalo_token");
      zaloCache.set(key, rejected, ZALO_REJECT_TTL_MS);
      return rejected;
    }
    const citizenId = await findOrCreateZaloCitizen(deps.db, me.zaloUserId, nowIso());
    // Once per verified token and cache period: enough for "opened the app in the last 7 days".
    await noteMiniAppOpened(deps.db, citizenId, nowIso());
    const outcome: AuthOutcome = { ok: true, citizen: { citizenId, kind: "zalo" } };
    zaloCache.set(key, outcome, ZALO_TTL_MS);
    return outcome;
  }

  async function byDeviceToken(token: string): Promise<AuthOutcome> {
    const key = hashToken(token);
    const citizenId = deviceCache.get(key) ?? (await findCitizenIdByDeviceTokenHash(deps.db, key));
    if (!citizenId) return fail("invalid_device_token");
    deviceCache.set(key, citizenId, DEVICE_TTL_MS);
    return { ok: true, citizen: { citizenId, kind: "device" } };
  }

  return {
    async authenticate(req) {
      const zalo = req.get("x-zalo-access-token");
      if (zalo !== undefined) {
        const token = zalo.trim();
        if (token === "" || token.length > MAX_TOKEN_CHARS) return fail("invalid_zalo_token");
        return byZaloToken(token);
      }
      const auth = req.get("authorization");
      if (auth !== undefined) {
        const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/.exec(auth);
        if (!m?.[1]) return fail("invalid_device_token");
        return byDeviceToken(m[1]);
      }
      return fail("unauthenticated");
    },
    async issueDeviceToken() {
      const token = randomBytes(32).toString("base64url");
      const citizenId = await createDeviceCitizen(deps.db, hashToken(token), nowIso());
      return { token, citizenId };
    },
  };
}
