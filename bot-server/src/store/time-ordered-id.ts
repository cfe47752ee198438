/**
 * UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then 74 random bits. Keys that grow with time are
 * appended to the end of a B-tree instead of landing on a random page, which keeps inserts into append-only
 * tables (audit log, pre-registrations) cheap on SQLite and PostgreSQL. Still unguessable: 74 random bits.
 */
import { randomBytes } from "node:crypto";

const POOL_BYTES = 4096;
let pool = randomBytes(POOL_BYTES);
let at = 0;

export function timeOrderedId(nowMs: number = Date.now()): string {
  if (at + 10 > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    at = 0;
  }
  const b = Buffer.allocUnsafe(16);
  b.writeUIntBE(Math.floor(nowMs), 0, 6);
  pool.copy(b, 6, at, at + 10);
  at += 10;
  b[6] = (b[6]! & 0x0f) | 0x70; // version 7
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
