/** Short human codes for pre-registrations (format and check character: shared/dossier/pre-registration-code.ts). */
import { randomBytes } from "node:crypto";
import { formatPreRegistrationCode } from "../../../shared/dossier/pre-registration-code.js";

/** Random 32-bit values drawn from a pooled buffer: one system call per 146 codes instead of one per code. */
const POOL_BYTES = 4096;
let pool = randomBytes(POOL_BYTES);
let poolAt = 0;

export function newPreRegistrationCode(): string {
  if (poolAt + 28 > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const ints = Array.from({ length: 7 }, (_, i) => pool.readUInt32LE(poolAt + i * 4));
  poolAt += 28;
  return formatPreRegistrationCode(ints);
}
