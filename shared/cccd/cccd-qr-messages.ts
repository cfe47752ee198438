/**
 * Why a CCCD QR payload was rejected: one row per reason, mapped to the public error code and to the text shown
 * to the officer (Vietnamese) or to an API client (English). No message repeats any part of the scanned content.
 */

export type CccdQrErrorCode =
  | "empty"
  | "not_cccd"
  | "incomplete"
  | "invalid_id_number"
  | "invalid_old_id_number"
  | "invalid_name"
  | "invalid_date"
  | "date_in_future"
  | "issue_before_birth"
  | "invalid_sex"
  | "missing_address";

/** The card field a rejection is about, so a form can highlight it. */
export type CccdQrField = "idNumber" | "oldIdNumber" | "fullName" | "dateOfBirth" | "sex" | "address" | "issueDate";

export type CccdQrRejection =
  | "empty"
  | "url"
  | "vietqr"
  | "not_cccd"
  | "too_long"
  | "incomplete"
  | "invalid_id_number"
  | "invalid_old_id_number"
  | "invalid_name"
  | "invalid_birth_date"
  | "invalid_issue_date"
  | "birth_in_future"
  | "issue_in_future"
  | "issue_before_birth"
  | "invalid_sex"
  | "missing_address";

interface RejectionRow {
  code: CccdQrErrorCode;
  field?: CccdQrField;
  vi: string;
  en: string;
}

const RESCAN_VI = "Vui lòng quét lại mã QR ở mặt trước thẻ Căn cước/CCCD.";

export const CCCD_QR_REJECTIONS: Record<CccdQrRejection, RejectionRow> = {
  empty: { code: "empty", vi: `Chưa nhận được nội dung mã QR. ${RESCAN_VI}`, en: "The QR content is empty." },
  url: {
    code: "not_cccd",
    vi: `Mã vừa quét là một đường dẫn web, không phải mã QR trên thẻ Căn cước/CCCD. ${RESCAN_VI}`,
    en: "This QR code is a web link, not a citizen ID card QR code.",
  },
  vietqr: {
    code: "not_cccd",
    vi: `Mã vừa quét là mã QR thanh toán (VietQR), không phải mã QR trên thẻ Căn cước/CCCD. ${RESCAN_VI}`,
    en: "This QR code is a payment (VietQR) code, not a citizen ID card QR code.",
  },
  not_cccd: {
    code: "not_cccd",
    vi: `Nội dung mã QR không đúng định dạng của thẻ Căn cước/CCCD. ${RESCAN_VI}`,
    en: "The QR content is not in the citizen ID card format.",
  },
  too_long: {
    code: "not_cccd",
    vi: `Nội dung mã QR quá dài so với mã QR trên thẻ Căn cước/CCCD. ${RESCAN_VI}`,
    en: "The QR content is too long for a citizen ID card QR code.",
  },
  incomplete: {
    code: "incomplete",
    vi: `Mã QR thiếu thông tin bắt buộc (số định danh, họ tên, ngày sinh, giới tính, nơi cư trú). ${RESCAN_VI}`,
    en: "The QR content lacks required fields (ID number, name, date of birth, sex, address).",
  },
  invalid_id_number: {
    code: "invalid_id_number",
    field: "idNumber",
    vi: "Số định danh cá nhân (số CCCD) phải gồm đúng 12 chữ số.",
    en: "The personal ID number must have exactly 12 digits.",
  },
  invalid_old_id_number: {
    code: "invalid_old_id_number",
    field: "oldIdNumber",
    vi: "Số CMND cũ trên mã QR không hợp lệ (phải gồm 9 chữ số).",
    en: "The old ID number must have 9 digits.",
  },
  invalid_name: {
    code: "invalid_name",
    field: "fullName",
    vi: "Không đọc được họ và tên trên mã QR.",
    en: "The full name could not be read.",
  },
  invalid_birth_date: {
    code: "invalid_date",
    field: "dateOfBirth",
    vi: "Ngày sinh trên mã QR không phải là ngày hợp lệ.",
    en: "The date of birth is not a valid date.",
  },
  invalid_issue_date: {
    code: "invalid_date",
    field: "issueDate",
    vi: "Ngày cấp trên mã QR không phải là ngày hợp lệ.",
    en: "The issue date is not a valid date.",
  },
  birth_in_future: {
    code: "date_in_future",
    field: "dateOfBirth",
    vi: "Ngày sinh trên mã QR ở sau ngày hôm nay.",
    en: "The date of birth is in the future.",
  },
  issue_in_future: {
    code: "date_in_future",
    field: "issueDate",
    vi: "Ngày cấp trên mã QR ở sau ngày hôm nay.",
    en: "The issue date is in the future.",
  },
  issue_before_birth: {
    code: "issue_before_birth",
    field: "issueDate",
    vi: "Ngày cấp thẻ không thể trước ngày sinh.",
    en: "The issue date is before the date of birth.",
  },
  invalid_sex: {
    code: "invalid_sex",
    field: "sex",
    vi: "Giới tính trên mã QR phải là \u201cNam\u201d hoặc \u201cNữ\u201d.",
    en: "Sex must be \u201cNam\u201d or \u201cNữ\u201d.",
  },
  missing_address: {
    code: "missing_address",
    field: "address",
    vi: "Mã QR thiếu nơi thường trú/nơi cư trú.",
    en: "The address is missing.",
  },
};
