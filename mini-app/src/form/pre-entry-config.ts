/**
 * How each procedure's official form is asked on a phone, as data: which fields the CCCD scan fills,
 * which fields are asked together on one screen, which the counter fills at signing, and the "for myself"
 * shortcut. A procedure without a row is asked field by field in print order.
 */
import type { CccdQrValue } from "../../../shared/cccd/parse-cccd-qr.js";

export type CccdSource = keyof CccdQrValue | "idType" | "nationality";

export interface ForWhom {
  /** The form field that records the relation ("Quan hệ với người được cấp…"). */
  field: string;
  selfValue: string;
  /** Filled from the requester's answers when the citizen applies for themself: target ← source. */
  mirror: Record<string, string>;
  /** CCCD values that describe the subject only when the requester is the subject. */
  cccdWhenSelf: Record<string, CccdSource>;
}

export interface PreEntryConfig {
  /** Form field ← CCCD value, applied after the citizen confirms the scanned data. */
  cccd: Record<string, CccdSource>;
  /** Fields asked together, printed on one line of the form ("Giấy tờ tùy thân: loại, số, cấp ngày, tại"). */
  groups: string[][];
  /** Filled by the officer at the counter (place and date of signing): never asked in advance. */
  atCounter: string[];
  /** Prefilled from the unit the citizen chose, still editable. */
  fromUnit: string[];
  /** Quick answers offered as buttons beside a text field. */
  suggestions: Record<string, string[]>;
  forWhom?: ForWhom;
}

const idDocument = (p: string) => [`${p}IdType`, `${p}IdNumber`, `${p}IdIssuedOn`, `${p}IdIssuer`];

/** 1.004873 Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (TT 04/2020/TT-BTP, amended by TT 04/2024/TT-BTP). */
const maritalStatus: PreEntryConfig = {
  cccd: {
    requesterName: "fullName",
    requesterBirthDate: "dateOfBirth",
    requesterResidence: "address",
    requesterIdType: "idType",
    requesterIdNumber: "idNumber",
    requesterIdIssuedOn: "issueDate",
  },
  groups: [idDocument("requester"), idDocument("subject")],
  atCounter: ["signingPlace", "signingDate"],
  fromUnit: ["recipientAgency"],
  suggestions: {
    relationship: ["Bản thân", "Cha", "Mẹ", "Con", "Vợ", "Chồng", "Anh/chị/em ruột"],
    subjectEthnicity: ["Kinh", "Ê Đê", "M'Nông", "Mạ", "Tày", "Nùng", "Thái", "Mông"],
    subjectNationality: ["Việt Nam"],
    maritalStatus: ["Hiện tại chưa đăng ký kết hôn với ai"],
  },
  forWhom: {
    field: "relationship",
    selfValue: "Bản thân",
    mirror: {
      subjectName: "requesterName",
      subjectBirthDate: "requesterBirthDate",
      subjectResidence: "requesterResidence",
      subjectIdType: "requesterIdType",
      subjectIdNumber: "requesterIdNumber",
      subjectIdIssuedOn: "requesterIdIssuedOn",
      subjectIdIssuer: "requesterIdIssuer",
    },
    cccdWhenSelf: { subjectSex: "sex", subjectNationality: "nationality" },
  },
};

/** 1.001612 Giấy đề nghị đăng ký hộ kinh doanh: the owner's identity (field ids of both versions; absent ones are ignored). */
const householdBusiness: PreEntryConfig = {
  cccd: {
    ownerName: "fullName",
    ownerBirthDate: "dateOfBirth",
    ownerSex: "sex",
    ownerPersonalIdNumber: "idNumber",
    ownerNationality: "nationality",
    ownerLegalDocType: "idType",
    ownerLegalDocNumber: "idNumber",
    ownerLegalDocIssuedOn: "issueDate",
    ownerPermanentAddress: "address",
  },
  groups: [],
  atCounter: [],
  fromUnit: [],
  suggestions: { ownerNationality: ["Việt Nam"], ownerEthnicity: ["Kinh"] },
};

export const PRE_ENTRY_CONFIG: Record<string, PreEntryConfig> = {
  "1.004873": maritalStatus,
  "1.001612": householdBusiness,
};

export const EMPTY_CONFIG: PreEntryConfig = { cccd: {}, groups: [], atCounter: [], fromUnit: [], suggestions: {} };

export function preEntryConfig(procedureCode: string): PreEntryConfig {
  return PRE_ENTRY_CONFIG[procedureCode] ?? EMPTY_CONFIG;
}
