/**
 * Every text that enters through HTTP is normalised to NFC (Unikey in "tổ hợp" mode types NFD), so stored
 * data, search keys and printed forms see one spelling. Applied to params, query and JSON bodies.
 */
const MAX_DEPTH = 32;

export function normalizeInput(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.normalize("NFC");
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => normalizeInput(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "__proto__" || k === "constructor" || k === "prototype") continue;
    out[k.normalize("NFC")] = normalizeInput(v, depth + 1);
  }
  return out;
}
