/** A capitalised unit name: "xã Quảng Khê" → "Xã Quảng Khê" (apart from format.ts, whose calendar code the first screen does without). */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
