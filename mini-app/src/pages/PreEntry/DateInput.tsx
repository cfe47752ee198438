/**
 * A date as three boxes, Ngày / Tháng / Năm (GOV.UK date input): no picker to fight with on a cheap phone.
 * A complete date is stored as YYYY-MM-DD; a partial one as "d/m/y" so the shared schema reports it.
 */
import { useState } from "react";

export function splitDate(value: unknown): { d: string; m: string; y: string } {
  if (typeof value !== "string" || value === "") return { d: "", m: "", y: "" };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return { d: String(Number(iso[3])), m: String(Number(iso[2])), y: iso[1]! };
  const [d = "", m = "", y = ""] = value.split("/");
  return { d, m, y };
}

export function joinDate(d: string, m: string, y: string): string {
  if (!d && !m && !y) return "";
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y))
    return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return `${d}/${m}/${y}`;
}

export function DateInput({
  id,
  value,
  invalid,
  describedBy,
  onChange,
}: {
  id: string;
  value: unknown;
  invalid: boolean;
  describedBy?: string;
  onChange: (v: string) => void;
}) {
  const [parts, setParts] = useState(() => splitDate(value));
  const set = (key: "d" | "m" | "y", v: string) => {
    const next = { ...parts, [key]: v.replace(/\D/g, "").slice(0, key === "y" ? 4 : 2) };
    setParts(next);
    onChange(joinDate(next.d, next.m, next.y));
  };
  const box = (key: "d" | "m" | "y", label: string, width: string) => (
    <label className="kh-date-part" style={{ width }}>
      <span className="kh-date-label">{label}</span>
      <input
        id={key === "d" ? id : `${id}-${key}`}
        className={`kh-input${invalid ? " kh-input-error" : ""}`}
        inputMode="numeric"
        autoComplete="off"
        value={parts[key]}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  );
  return (
    <div className="kh-date" role="group">
      {box("d", "Ngày", "5rem")}
      {box("m", "Tháng", "5rem")}
      {box("y", "Năm", "7rem")}
    </div>
  );
}
