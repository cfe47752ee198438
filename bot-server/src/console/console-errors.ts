/**
 * The console's error codes in the project's one error format `{ error: { code, message, detail, fields? } }`:
 * Vietnamese for the officer, English for API clients.
 */
import type { Response } from "express";

export const CONSOLE_ERRORS = {
  invalid_body: { status: 400, message: "Dữ liệu gửi lên chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.", detail: "The request body failed validation." },
  not_signed_in: { status: 401, message: "Vui lòng đăng nhập để tiếp tục.", detail: "Sign in first: no valid console session." },
  bad_credentials: { status: 401, message: "Tên đăng nhập hoặc mật khẩu không đúng.", detail: "Wrong username or password." },
  account_locked: { status: 423, message: "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị đơn vị.", detail: "Too many failed sign-ins; the account is locked for 15 minutes." },
  login_throttled: {
    status: 429,
    message: "Đăng nhập sai nhiều lần từ máy này. Vui lòng chờ một lát rồi thử lại.",
    detail: "Too many failed sign-ins for this user name from this address; wait before trying again (see Retry-After).",
  },
  password_change_required: {
    status: 403,
    message: "Vui lòng đổi mật khẩu dùng một lần trước khi làm việc.",
    detail: "The account has a one-time password: change it (POST /console/api/password) first.",
  },
  csrf_failed: { status: 403, message: "Phiên làm việc không hợp lệ, vui lòng tải lại trang.", detail: "Missing or wrong X-CSRF-Token header." },
  forbidden: { status: 403, message: "Vai trò của bạn không được thực hiện thao tác này.", detail: "Your role may not perform this action." },
  not_found: { status: 404, message: "Không tìm thấy hồ sơ.", detail: "No such dossier in your unit." },
  pre_registration_not_found: { status: 404, message: "Không tìm thấy hồ sơ đăng ký trước với mã này.", detail: "No pre-registration with this code." },
  pre_registration_closed: { status: 409, message: "Hồ sơ đăng ký trước này đã được tiếp nhận, đã hủy hoặc đã hết hạn.", detail: "The pre-registration is finalised, cancelled or expired." },
  pre_registration_other_unit: {
    status: 403,
    message: "Hồ sơ đăng ký trước này gửi đến đơn vị khác.",
    detail: "The pre-registration is addressed to another unit; only its name is disclosed. A counter officer may re-address it with the citizen present.",
  },
  too_many_lookups: {
    status: 429,
    message: "Tra cứu mã quá nhanh (tối đa 30 lần mỗi phút). Vui lòng chờ một phút rồi thử lại.",
    detail: "Too many intake lookups from this session: at most 30 per minute.",
  },
  procedure_not_found: { status: 404, message: "Đơn vị không tiếp nhận thủ tục này vào hôm nay.", detail: "The unit does not receive this procedure today." },
  form_incomplete: { status: 422, message: "Tờ khai chưa đủ thông tin bắt buộc, vui lòng bổ sung các trường được đánh dấu.", detail: "The form data is incomplete or invalid." },
  documents_incomplete: { status: 422, message: "Thành phần hồ sơ chưa đủ: hãy lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).", detail: "Required documents are missing; issue form 02 instead." },
  not_eligible: { status: 422, message: "Hồ sơ thuộc trường hợp phải từ chối tiếp nhận: hãy lập Phiếu từ chối (Mẫu 03).", detail: "A case flag requires refusal (form 03)." },
  invalid_transition: { status: 409, message: "Không thể thực hiện thao tác ở trạng thái hiện tại của hồ sơ.", detail: "The event is not allowed in the dossier's state." },
  conflict: { status: 409, message: "Hồ sơ vừa được người khác cập nhật, vui lòng tải lại.", detail: "The dossier changed meanwhile; reload." },
  missing_data: { status: 422, message: "Thiếu thông tin bắt buộc cho thao tác này.", detail: "Data required by this event is missing." },
  form_not_available: { status: 404, message: "Hồ sơ này không có mẫu in được yêu cầu.", detail: "This form does not apply to this dossier." },
  unit_unknown: { status: 422, message: "Tài khoản chưa được gán đơn vị tiếp nhận.", detail: "The account has no unit." },
  mirror_not_found: { status: 404, message: "Mã kết nối màn hình không đúng hoặc đã hết hạn.", detail: "Unknown or expired mirror pairing." },
  mirror_already_joined: {
    status: 409,
    message: "Mã kết nối này đã được một màn hình khác sử dụng. Mỗi mã chỉ dùng được một lần: xin báo cán bộ ngắt màn hình cũ và tạo mã mới.",
    detail: "This pairing code was already joined by another screen; a code joins once. Ask the officer to revoke it and pair again.",
  },
  internal_error: { status: 500, message: "Đã có lỗi trong hệ thống, vui lòng thử lại sau.", detail: "Internal server error." },
} as const;

export type ConsoleErrorCode = keyof typeof CONSOLE_ERRORS;

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ConsoleFailure {
  ok: false;
  code: ConsoleErrorCode;
  message?: string;
  fields?: FieldIssue[];
}

export function failure(code: ConsoleErrorCode, extra: { message?: string; fields?: FieldIssue[] } = {}): ConsoleFailure {
  return { ok: false, code, ...extra };
}

export function sendConsoleError(res: Response, f: Omit<ConsoleFailure, "ok">): void {
  const e = CONSOLE_ERRORS[f.code];
  res.status(e.status).json({
    error: { code: f.code, message: f.message ?? e.message, detail: e.detail, ...(f.fields && f.fields.length > 0 ? { fields: f.fields } : {}) },
  });
}
