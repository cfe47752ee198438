/**
 * X-ZEvent-Signature of the OA webhook (docs/zalo.md#oa-webhook [SECONDARY]): `mac=` + hex(sha256(appId + rawBody + timestamp +
 * OA secret key)), a plain SHA-256 (not an HMAC) over the body bytes exactly as received, with the `timestamp` field
 * of the body. Community code reports the OA id in place of the app id as first term: both are accepted, and the
 * caller logs which one matched so the variant can be narrowed once real traffic arrives.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export interface SignatureKeys {
  appId: string;
  /** Accepted in place of the app id when set. */
  oaId?: string;
  oaSecretKey: string;
}

export type SignatureCheck = { ok: true; matched: "app_id" | "oa_id" } | { ok: false; reason: "missing" | "mismatch" };

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export function computeSignature(
  firstTerm: string,
  rawBody: Buffer | string,
  timestamp: string,
  secret: string,
): string {
  return createHash("sha256").update(firstTerm).update(rawBody).update(timestamp).update(secret).digest("hex");
}

/** The header as Zalo sends it (`mac=<hex>`). */
export function signatureHeader(
  firstTerm: string,
  rawBody: Buffer | string,
  timestamp: string,
  secret: string,
): string {
  return `mac=${computeSignature(firstTerm, rawBody, timestamp, secret)}`;
}

function sameHex(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}

export function verifySignature(
  header: string | undefined,
  rawBody: Buffer,
  timestamp: string,
  keys: SignatureKeys,
): SignatureCheck {
  if (typeof header !== "string" || header.trim() === "") return { ok: false, reason: "missing" };
  const given = header
    .trim()
    .replace(/^mac\s*=\s*/i, "")
    .toLowerCase();
  if (!HEX_SHA256.test(given)) return { ok: false, reason: "mismatch" };
  if (sameHex(given, computeSignature(keys.appId, rawBody, timestamp, keys.oaSecretKey)))
    return { ok: true, matched: "app_id" };
  if (keys.oaId && sameHex(given, computeSignature(keys.oaId, rawBody, timestamp, keys.oaSecretKey)))
    return { ok: true, matched: "oa_id" };
  return { ok: false, reason: "mismatch" };
}
