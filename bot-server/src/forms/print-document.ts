/**
 * The data a printed form is made of (the contract of templates/document.typ), and the small text helpers every
 * form uses: "ngày … tháng … năm …", dd/mm/yyyy, the issuing office's header.
 */
import type { AdminUnit, IsoDate } from "../../../shared/model.js";
import { displayName } from "../../../shared/units/unit-names.js";
import { formatDateVn, vnMomentFromEpoch } from "../../../shared/time/vn-time.js";

export type Block =
  | { t: "field"; label: string; value?: string | null; mark?: string; labelBold?: boolean }
  | { t: "fields"; items: { label: string; value?: string | null; mark?: string }[] }
  | { t: "heading"; text: string }
  | { t: "text"; text: string; italic?: boolean; bold?: boolean; center?: boolean }
  | { t: "checks"; label?: string; items: { text: string; checked: boolean }[] }
  | {
      t: "table";
      header: string[];
      widths: number[];
      rows: string[][];
      groups?: { title: string; span: number; rows: 1 | 2 }[];
    }
  /** A bordered box (the registering office's box of Mẫu 01a, 03a). */
  | { t: "frame"; blocks: Block[] }
  | { t: "space" };

export interface Signature {
  /** "TM. ỦY BAN NHÂN DÂN", printed above the title. */
  onBehalf?: string;
  title: string;
  note?: string;
  name?: string;
  /** A left-aligned list instead of a signature (the "Nơi nhận:" block of a letter). */
  lines?: string[];
}

export interface PrintDocument {
  header:
    | { kind: "citizen"; formCode?: string; place?: string }
    | { kind: "office"; formCode?: string; agencyTop: string; agency: string; number?: string; place?: string };
  title: string;
  subtitle?: string;
  recipient?: string | null;
  /** Footnote marker printed after "Kính gửi" (superscript). */
  recipientMark?: string;
  blocks: Block[];
  /** How many closing blocks stay on the page of the signatures (default 1). */
  keepWithSignatures?: number;
  /** Printed after the signatures (the registering office's certification of Mẫu 01a, 03a). */
  after?: Block[];
  qr?: { svg: string; caption: string };
  placeDate?: string;
  signatures?: Signature[];
  footnotes?: string[];
  footer?: string;
  /** A4 landscape (wide registers such as the Sổ theo dõi hồ sơ). */
  landscape?: boolean;
  /** "DIỄN TẬP" on a training dossier's printouts (docs/admin/training.md): top line and diagonal mark, every page. */
  watermark?: string;
}

/** "ngày 16 tháng 07 năm 2025", the digits as stored. */
export function longDate(date: IsoDate): string {
  const [y, m, d] = date.split("-");
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** "Quảng Khê, ngày 16 tháng 07 năm 2025" */
export function placeAndDate(place: string, date: IsoDate): string {
  return `${place}, ${longDate(date)}`;
}

export function vnDate(value: unknown): string | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    return typeof value === "string" && value !== "" ? value : null;
  return formatDateVn(value);
}

/** "15 giờ 05 phút, ngày 16/07/2025" */
export function timeAndDate(iso: string): string {
  const m = vnMomentFromEpoch(Date.parse(iso));
  const hh = String(Math.floor(m.minutes / 60)).padStart(2, "0");
  const mm = String(m.minutes % 60).padStart(2, "0");
  return `${hh} giờ ${mm} phút, ngày ${formatDateVn(m.date)}`;
}

export function localDateOf(iso: string): IsoDate {
  return vnMomentFromEpoch(Date.parse(iso)).date;
}

/** The one-stop's header: "UBND XÃ QUẢNG KHÊ" over "BỘ PHẬN MỘT CỬA" (TÊN CƠ QUAN CHỦ QUẢN / TÊN ĐƠN VỊ, docs/domain/scheme.md#one-stop-forms). */
export function officeHeader(
  unit: AdminUnit | undefined,
  receivingBody: string,
): { agencyTop: string; agency: string; place: string } {
  const unitName = unit ? displayName(unit) : "";
  return {
    agencyTop: unit ? `Ủy ban nhân dân ${unitName}` : "",
    agency: receivingBody,
    place: unit?.name ?? "",
  };
}

/** Words a line must not split (a title broken between "SỬ" and "DỤNG" reads badly): joined by no-break spaces. */
const UNBREAKABLE = [/SỬ DỤNG/g, /HÀNH CHÍNH CÔNG/g, /MỘT CỬA/g];
export function keepWords(s: string): string {
  return UNBREAKABLE.reduce((acc, re) => acc.replace(re, (m) => m.replace(/ /g, "\u00a0")), s);
}

export function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? "Có" : "Không";
  const s = String(value).trim();
  return s === "" ? null : s;
}
