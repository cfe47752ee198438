/**
 * Parse the QR printed on a chip ID card (CCCD / Thẻ căn cước) into form fields for "Ngày không viết".
 * Payload [S, docs/domain/personal-data.md#cccd-qr-payload]: `ID12|oldID9|Họ tên|ddmmyyyy|Nam/Nữ|Nơi thường trú|ddmmyyyy`, but parsers disagree
 * (6 fields without the old ID, dd/mm/yyyy dates, scanner labels), so fields are found by pattern, not position.
 * The raw string is never kept or echoed: callers should drop it as soon as this returns.
 */
import type { IsoDate } from "../model.js";
import { foldVietnamese } from "../text/fold.js";
import { parseDay } from "../calendar/day-number.js";
import {
  CCCD_QR_REJECTIONS,
  type CccdQrErrorCode,
  type CccdQrField,
  type CccdQrRejection,
} from "./cccd-qr-messages.js";

export interface CccdQrValue {
  /** Số định danh cá nhân: 12 digits (Law 26/2023/QH15 Art. 12); the prefix is not checked. */
  idNumber: string;
  /** Số CMND cũ (9 digits), absent when the card leaves it empty. */
  oldIdNumber?: string;
  fullName: string;
  dateOfBirth: IsoDate;
  sex: "Nam" | "Nữ";
  /** Nơi thường trú (older cards) or nơi cư trú (2024 cards), as printed. */
  address: string;
  issueDate?: IsoDate;
}

export type CccdQrResult =
  | { ok: true; value: CccdQrValue }
  | { ok: false; error: string; errorEn: string; code: CccdQrErrorCode; field?: CccdQrField };

export interface CccdQrOptions {
  /** Today in Việt Nam; when given, birth and issue dates after it are rejected. */
  today?: IsoDate;
}

/** A chip-card QR holds a few hundred bytes; anything far longer is something else. */
const MAX_PAYLOAD_CHARS = 1000;
const MIN_YEAR = 1900;
const DIGITS = /^\d+$/;
const COMPACT_DATE = /^(\d{2})(\d{2})(\d{4})$/;
const SEPARATED_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INVISIBLE = /[\u200b-\u200d\ufeff]/g;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/|^www\./i;
/** EMVCo merchant-presented QR (VietQR) starts with payload format indicator "000201". */
const EMV_QR = /^000201/;
/** Labels some USB scanners and apps put before a field ("CCCD:…|CMND:…"), folded and without spaces. */
const FIELD_LABELS = new Set([
  "cccd",
  "socccd",
  "cmnd",
  "socmnd",
  "cmndcu",
  "cancuoc",
  "socancuoc",
  "sodinhdanh",
  "sodinhdanhcanhan",
  "id",
  "oldid",
  "hoten",
  "hovaten",
  "ten",
  "name",
  "fullname",
  "ngaysinh",
  "dob",
  "birthdate",
  "gioitinh",
  "sex",
  "gender",
  "diachi",
  "noithuongtru",
  "noicutru",
  "address",
  "ngaycap",
  "issuedate",
]);
/** Letters (with combining marks, for any NFD left over), spaces, apostrophes, dots and hyphens. */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} '.-]*$/u;
const SEX_BY_FOLDED: Record<string, "Nam" | "Nữ"> = { nam: "Nam", nu: "Nữ" };

export function parseCccdQr(raw: string, options: CccdQrOptions = {}): CccdQrResult {
  const read = readPayload(raw, options);
  if (typeof read === "object") return { ok: true, value: read };
  const row = CCCD_QR_REJECTIONS[read];
  return { ok: false, error: row.vi, errorEn: row.en, code: row.code, ...(row.field ? { field: row.field } : {}) };
}

function readPayload(raw: unknown, { today }: CccdQrOptions): CccdQrValue | CccdQrRejection {
  const text = typeof raw === "string" ? raw.normalize("NFC").replace(INVISIBLE, "").trim() : "";
  if (text === "") return "empty";
  if (URL_LIKE.test(text)) return "url";
  if (EMV_QR.test(text)) return "vietqr";
  if (text.length > MAX_PAYLOAD_CHARS) return "too_long";
  if (!text.includes("|")) return "not_cccd";

  const fields = text.split("|").map(cleanField);
  const idAt = fields.findIndex((f) => f !== "");
  if (idAt < 0) return "not_cccd";
  const idNumber = fields[idAt]!.replace(/[\s.]/g, "");
  if (!DIGITS.test(idNumber)) return "not_cccd";
  if (idNumber.length !== 12) return "invalid_id_number";

  const birthAt = fields.findIndex((f, i) => i > idAt && isDateLike(f));
  if (birthAt < 0) return "incomplete";
  const nameBlock = readNameBlock(fields.slice(idAt + 1, birthAt));
  if (typeof nameBlock === "string") return nameBlock;
  const dateOfBirth = readDate(fields[birthAt]!);
  if (!dateOfBirth) return "invalid_birth_date";

  const sexField = fields[birthAt + 1];
  if (sexField === undefined) return "incomplete";
  const sex = SEX_BY_FOLDED[foldVietnamese(sexField)];
  if (!sex) return "invalid_sex";

  const issueAt = fields.findIndex((f, i) => i > birthAt + 1 && isDateLike(f));
  const addressParts = issueAt < 0 ? fields.slice(birthAt + 2, birthAt + 3) : fields.slice(birthAt + 2, issueAt);
  const address = addressParts.filter((f) => f !== "").join(", ");
  if (address === "") return "missing_address";
  const issueDate = issueAt < 0 ? undefined : readDate(fields[issueAt]!);
  if (issueDate === "") return "invalid_issue_date";

  if (today !== undefined && dateOfBirth > today) return "birth_in_future";
  if (issueDate !== undefined && issueDate < dateOfBirth) return "issue_before_birth";
  if (today !== undefined && issueDate !== undefined && issueDate > today) return "issue_in_future";

  return { idNumber, ...nameBlock, dateOfBirth, sex, address, ...(issueDate ? { issueDate } : {}) };
}

/** Trim, single spaces (scanners may leave CR/LF or tabs inside), and drop a known scanner label. */
function cleanField(field: string): string {
  const f = field.replace(/\s+/g, " ").trim();
  const colon = f.indexOf(":");
  if (colon <= 0 || colon > 30) return f;
  const label = foldVietnamese(f.slice(0, colon)).replace(/[^a-z]/g, "");
  return FIELD_LABELS.has(label) ? f.slice(colon + 1).trim() : f;
}

/** Between the ID and the birth date: an optional old ID (9 digits; 12 on cards that replaced a 12-digit one) and the name. */
function readNameBlock(block: string[]): { oldIdNumber?: string; fullName: string } | CccdQrRejection {
  const filled = block.filter((f) => f !== "");
  const numbers = filled.filter((f) => DIGITS.test(f.replace(/\s/g, "")));
  const words = filled.filter((f) => !numbers.includes(f));
  const oldIdNumber = numbers[0]?.replace(/\s/g, "");
  if (numbers.length > 1 || (oldIdNumber !== undefined && oldIdNumber.length !== 9 && oldIdNumber.length !== 12)) {
    return "invalid_old_id_number";
  }
  const fullName = words[0];
  if (words.length !== 1 || fullName === undefined || !NAME.test(fullName)) return "invalid_name";
  return { ...(oldIdNumber ? { oldIdNumber } : {}), fullName };
}

function isDateLike(f: string): boolean {
  return COMPACT_DATE.test(f) || SEPARATED_DATE.test(f) || ISO_DATE.test(f);
}

/** ddmmyyyy, d/m/yyyy or yyyy-mm-dd → IsoDate; "" when not a real calendar date from 1900 on. */
function readDate(f: string): IsoDate {
  const dmy = COMPACT_DATE.exec(f) ?? SEPARATED_DATE.exec(f);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}` : f;
  return parseDay(iso) === undefined || Number(iso.slice(0, 4)) < MIN_YEAR ? "" : iso;
}
