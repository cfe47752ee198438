/**
 * The token printed in a slip's QR (…/tra-cuu?code=…&t=…): HMAC-SHA256(secret, dossier code), base64url,
 * truncated to 16 characters (96 bits). It proves the slip came from this system without any personal data;
 * the counter module calls statusLookupUrl when it prints a slip.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Config } from "./config.js";
import type { Database } from "./store/database.js";
import { readSetting, writeSettingIfAbsent } from "./store/settings.js";

const TOKEN_CHARS = 16;
const SECRET_SETTING = "status_token_secret";

export function signStatusToken(secret: string, dossierCode: string): string {
  return createHmac("sha256", secret).update(dossierCode).digest("base64url").slice(0, TOKEN_CHARS);
}

export function verifyStatusToken(secret: string, dossierCode: string, token: string): boolean {
  const expected = Buffer.from(signStatusToken(secret, dossierCode));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The public status page address printed as the slip's QR code. */
export function statusLookupUrl(publicBaseUrl: string, secret: string, dossierCode: string): string {
  const q = new URLSearchParams({ code: dossierCode, t: signStatusToken(secret, dossierCode) });
  return `${publicBaseUrl}/tra-cuu?${q.toString()}`;
}

/** STATUS_TOKEN_SECRET when configured; otherwise one generated at first start and kept in the database. */
export async function loadStatusTokenSecret(db: Kysely<Database>, config: Config, now: string): Promise<string> {
  if (config.STATUS_TOKEN_SECRET) return config.STATUS_TOKEN_SECRET;
  const existing = await readSetting(db, SECRET_SETTING);
  if (typeof existing === "string") return existing;
  await writeSettingIfAbsent(db, SECRET_SETTING, randomBytes(32).toString("base64url"), now);
  // Two processes starting at once: whichever wrote first wins, both read the same value.
  const stored = await readSetting(db, SECRET_SETTING);
  if (typeof stored !== "string") throw new Error("status token secret could not be stored");
  return stored;
}
