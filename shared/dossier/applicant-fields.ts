/**
 * Where each procedure's form keeps the applicant's identity, and how one identity (typed or scanned from the
 * CCCD QR once per visit) fills the forms of every procedure the citizen brings (docs/architecture.md#lessons-from-comparable-systems: enter once, reuse).
 * Pure data and functions: the server and the console front-end import this file.
 */

export interface VisitIdentity {
  fullName: string;
  idNumber: string;
  dateOfBirth?: string;
  sex?: string;
  address?: string;
  issueDate?: string;
  phone?: string;
}

/** Candidate field ids in order of preference; the first one present on a form is used. */
const NAME_FIELDS = ["requesterName", "ownerName", "applicantName"];
const ID_FIELDS = ["requesterIdNumber", "ownerPersonalIdNumber", "ownerLegalDocNumber", "applicantDocNumber"];
const ADDRESS_FIELDS = [
  "requesterResidence",
  "ownerPermanentAddress",
  "applicantAddress",
  "ownerPermanentStreet",
  "ownerCurrentStreet",
  "officeStreet",
];
const PHONE_FIELDS = ["ownerPhone", "applicantPhone", "officePhone"];
const EMAIL_FIELDS = ["ownerEmail", "applicantEmail"];

/** Identity → form fields (field id → identity key or a constant). Only empty fields are filled. */
const FILL: Record<string, (id: VisitIdentity) => string | undefined> = {
  requesterName: (i) => i.fullName,
  requesterBirthDate: (i) => i.dateOfBirth,
  requesterResidence: (i) => i.address,
  requesterIdType: () => "Căn cước công dân",
  requesterIdNumber: (i) => i.idNumber,
  requesterIdIssuedOn: (i) => i.issueDate,
  ownerName: (i) => i.fullName.toLocaleUpperCase("vi"),
  ownerBirthDate: (i) => i.dateOfBirth,
  ownerSex: (i) => i.sex,
  ownerPersonalIdNumber: (i) => i.idNumber,
  ownerLegalDocType: () => "Căn cước công dân",
  ownerLegalDocNumber: (i) => i.idNumber,
  ownerLegalDocIssuedOn: (i) => i.issueDate,
  ownerPermanentAddress: (i) => i.address,
  ownerPhone: (i) => i.phone,
  applicantName: (i) => i.fullName.toLocaleUpperCase("vi"),
  applicantAddress: (i) => i.address,
  applicantDocNumber: (i) => i.idNumber,
  applicantDocIssuedOn: (i) => i.issueDate,
  applicantPhone: (i) => i.phone,
};

/** For a request about oneself (the usual case), the subject of 1.004873 is the requester. */
const SELF_FILL: Record<string, (id: VisitIdentity) => string | undefined> = {
  subjectName: (i) => i.fullName,
  subjectBirthDate: (i) => i.dateOfBirth,
  subjectSex: (i) => i.sex,
  subjectResidence: (i) => i.address,
  subjectIdType: () => "Căn cước công dân",
  subjectIdNumber: (i) => i.idNumber,
  subjectIdIssuedOn: (i) => i.issueDate,
  subjectNationality: () => "Việt Nam",
};

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** Fills the empty fields of `formData` that exist in `fieldIds` from the visit identity. */
export function fillFromIdentity(
  fieldIds: readonly string[],
  formData: Record<string, unknown>,
  identity: VisitIdentity,
): Record<string, unknown> {
  const out = { ...formData };
  const has = new Set(fieldIds);
  const put = (table: Record<string, (id: VisitIdentity) => string | undefined>) => {
    for (const [field, get] of Object.entries(table)) {
      const v = get(identity);
      if (has.has(field) && isEmpty(out[field]) && v !== undefined && v !== "") out[field] = v;
    }
  };
  put(FILL);
  if (has.has("relationship") && isEmpty(out.relationship)) out.relationship = "Bản thân";
  if (out.relationship === "Bản thân") put(SELF_FILL);
  return out;
}

function first(
  fieldIds: readonly string[],
  candidates: readonly string[],
  data: Record<string, unknown>,
): string | null {
  for (const id of candidates) {
    if (!fieldIds.includes(id)) continue;
    const v = data[id];
    if (!isEmpty(v)) return String(v).trim();
  }
  return null;
}

export interface ApplicantSummary {
  name: string | null;
  idNumber: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export function applicantOf(fieldIds: readonly string[], data: Record<string, unknown>): ApplicantSummary {
  // The 2025 household-business form asks the owner's addresses only when the population database is unreachable:
  // then the household business's head office (trụ sở) is the address the receipt shows.
  let address: string | null = null;
  for (const id of ADDRESS_FIELDS) {
    if (!fieldIds.includes(id) || isEmpty(data[id])) continue;
    const prefix = id.endsWith("Street") ? id.slice(0, -"Street".length) : undefined;
    address =
      prefix === undefined
        ? String(data[id]).trim()
        : [data[id], data[`${prefix}Commune`], data[`${prefix}Province`]]
            .filter((x) => !isEmpty(x))
            .map((x) => String(x).trim())
            .join(", ");
    break;
  }
  return {
    name: first(fieldIds, NAME_FIELDS, data),
    idNumber: first(fieldIds, ID_FIELDS, data),
    address,
    phone: first(fieldIds, PHONE_FIELDS, data),
    email: first(fieldIds, EMAIL_FIELDS, data),
  };
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

/** Differences between a scanned card and the pre-entered form (name or ID number), in Vietnamese. */
export function identityMismatches(
  fieldIds: readonly string[],
  data: Record<string, unknown>,
  identity: VisitIdentity,
): string[] {
  const a = applicantOf(fieldIds, data);
  const out: string[] = [];
  if (a.name && fold(a.name) !== fold(identity.fullName))
    out.push("Họ tên trên thẻ căn cước khác với họ tên đã kê khai");
  if (a.idNumber && a.idNumber.replace(/\s/g, "") !== identity.idNumber)
    out.push("Số định danh trên thẻ căn cước khác với số đã kê khai");
  return out;
}
