/**
 * The signature of an outbound webhook: "sha256=" + hex HMAC-SHA256(secret, `${timestamp}.${body}`), the scheme of
 * Stripe's and GitHub's webhook signatures. The receiver recomputes it with the shared secret, compares in constant
 * time and refuses a timestamp older than a few minutes (replay).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** The receiver's check (also for the province's adapter): signature matches and the timestamp is fresh. */
export function verifyWebhook(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  body: string,
  nowMs: number,
  toleranceS = 300,
): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowMs / 1000 - ts) > toleranceS || !headers.signature) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
