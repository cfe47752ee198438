/**
 * From a scanned chip-ID QR to form fields. The raw QR text is parsed by the shared parser and dropped by
 * the caller at once; only the confirmed values reach the form (docs/domain/personal-data.md#personal-data-obligations: data minimisation).
 */
import { parseCccdQr, type CccdQrValue } from "../../../shared/cccd/parse-cccd-qr.js";
import type { FormField } from "../../../shared/procedures/procedure-version.js";
import { formatDateTextVn } from "../../../shared/time/vn-time.js";
import type { CccdSource, PreEntryConfig } from "./pre-entry-config.js";

/** Thẻ căn cước replaced the CCCD from 1/7/2024 (Law 26/2023/QH15); older cards are "Căn cước công dân". */
const CAN_CUOC_FROM = "2024-07-01";

export type ScanReading = { ok: true; value: CccdQrValue } | { ok: false; error: string };

/** Parse the scanned text; the result never contains the raw string. */
export function readScan(raw: string, today: string): ScanReading {
  const r = parseCccdQr(raw, { today });
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
}

function pickIdType(value: CccdQrValue, options: readonly string[] | undefined): string | undefined {
  const preferred = value.issueDate && value.issueDate >= CAN_CUOC_FROM ? "Căn cước" : "Căn cước công dân";
  if (!options) return preferred;
  return options.includes(preferred) ? preferred : options.find((o) => o.startsWith("Căn cước"));
}

export function cccdValue(
  value: CccdQrValue,
  source: CccdSource,
  field: Pick<FormField, "options" | "uppercase">,
): string | undefined {
  let v: string | undefined;
  if (source === "idType") v = pickIdType(value, field.options);
  else if (source === "nationality") v = "Việt Nam";
  else v = value[source];
  if (v === undefined) return undefined;
  if (field.options && !field.options.includes(v)) return undefined;
  return field.uppercase ? v.toUpperCase() : v;
}

/** The fields a confirmed scan fills, with their values; fields absent from this form version are skipped. */
export function cccdFill(
  fields: readonly FormField[],
  config: PreEntryConfig,
  value: CccdQrValue,
  self: boolean,
): Record<string, string> {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const mapping: Record<string, CccdSource> = {
    ...config.cccd,
    ...(self && config.forWhom ? config.forWhom.cccdWhenSelf : {}),
  };
  const out: Record<string, string> = {};
  for (const [fieldId, source] of Object.entries(mapping)) {
    const field = byId.get(fieldId);
    if (!field) continue;
    const v = cccdValue(value, source, field);
    if (v !== undefined) out[fieldId] = v;
  }
  return out;
}

/** The lines shown on the "is this you?" screen, before anything is filled. */
export function scanSummary(value: CccdQrValue): { label: string; value: string }[] {
  return [
    { label: "Họ, chữ đệm, tên", value: value.fullName },
    { label: "Ngày sinh", value: formatDateTextVn(value.dateOfBirth) },
    { label: "Giới tính", value: value.sex },
    { label: "Số định danh cá nhân", value: value.idNumber },
    { label: "Nơi thường trú", value: value.address },
    ...(value.issueDate ? [{ label: "Ngày cấp", value: formatDateTextVn(value.issueDate) }] : []),
  ];
}
