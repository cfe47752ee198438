/**
 * The one vocabulary of outcomes: every failure a use-case returns is one of these snake_case codes, with the
 * Vietnamese message people read and the English detail API clients read. The public API, the console and the
 * chatbot share it; the HTTP status of each code is the edge's business (bot-server/src/http/outcome-status.ts).
 * Wire format: `{ error: { code, message, detail, fields? } }` (shared/api/errors.ts).
 */
import type { FieldError } from "./api/errors.js";

interface OutcomeText {
  /** Vietnamese, for people. */
  message: string;
  /** English, for API clients. */
  detail: string;
}

export const OUTCOME_MESSAGES = {
  // ------------------------------------------------------------ request shape (any edge)
  bad_request: { message: "Yêu cầu không hợp lệ.", detail: "Bad request." },
  invalid_body: {
    message: "Dữ liệu gửi lên chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.",
    detail: "The request body failed validation.",
  },
  invalid_query: { message: "Tham số tra cứu không hợp lệ.", detail: "The query string failed validation." },
  invalid_params: { message: "Đường dẫn không hợp lệ.", detail: "A path parameter failed validation." },
  invalid_characters: {
    message:
      "Nội dung gửi lên có ký tự điều khiển (ví dụ ký tự rỗng NUL) nên không được chấp nhận. Vui lòng nhập lại bằng chữ, số và dấu câu thông thường.",
    detail:
      "The request contains control characters (U+0000-U+001F, U+007F-U+009F; tab and line breaks are allowed in JSON bodies only).",
  },
  malformed_json: {
    message: "Dữ liệu gửi lên không đúng định dạng JSON.",
    detail: "The request body is not valid JSON.",
  },
  payload_too_large: { message: "Dữ liệu gửi lên quá lớn.", detail: "The request body exceeds the size limit." },
  unsupported_media_type: {
    message: "Định dạng dữ liệu không được hỗ trợ, hãy gửi JSON.",
    detail: "Content-Type must be application/json.",
  },
  rate_limited: {
    message: "Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.",
    detail: "Too many requests; retry later.",
  },
  /** No route at this address (public API and console alike). */
  not_found: { message: "Không tìm thấy địa chỉ yêu cầu.", detail: "No such route." },
  internal_error: { message: "Đã có lỗi trong hệ thống, vui lòng thử lại sau.", detail: "Internal server error." },
  service_unavailable: {
    message: "Hệ thống tạm thời không phục vụ được, vui lòng thử lại sau.",
    detail: "Service unavailable.",
  },

  // ------------------------------------------------------------ citizen identity
  unauthenticated: {
    message: "Vui lòng mở ứng dụng trong Zalo hoặc tạo mã thiết bị để tiếp tục.",
    detail: "Send X-Zalo-Access-Token or Authorization: Bearer <device token>.",
  },
  invalid_zalo_token: {
    message: "Phiên đăng nhập Zalo đã hết hạn, vui lòng mở lại ứng dụng.",
    detail: "The Zalo access token was rejected by the Zalo Graph API.",
  },
  invalid_device_token: { message: "Mã thiết bị không hợp lệ, vui lòng tạo mã mới.", detail: "Unknown device token." },
  identity_unavailable: {
    message: "Chưa xác thực được tài khoản Zalo, vui lòng thử lại sau.",
    detail: "The Zalo Graph API could not be reached.",
  },
  zalo_not_configured: {
    message: "Máy chủ chưa được cấu hình kết nối Zalo.",
    detail: "Zalo identity is not configured on this server (ZALO_APP_SECRET).",
  },
  phone_needs_zalo: {
    message: "Chỉ lấy được số điện thoại khi bạn mở ứng dụng trong Zalo.",
    detail: "The phone number comes from the Zalo account: call with X-Zalo-Access-Token.",
  },
  phone_token_invalid: {
    message: "Zalo chưa xác nhận số điện thoại của bạn. Vui lòng bấm lại nút để thử lần nữa.",
    detail: "The getPhoneNumber token was refused by Zalo (used, expired or not issued to this user).",
  },
  phone_not_vietnamese: {
    message: "Số điện thoại này không phải số di động Việt Nam nên không nhận được tin nhắn.",
    detail: "The number is not a Vietnamese mobile number (84…).",
  },
  // ------------------------------------------------------------ the province's TTHC system (read API)
  integration_token_invalid: {
    message: "Mã truy cập của hệ thống kết nối không hợp lệ hoặc đã bị thu hồi.",
    detail: "Send Authorization: Bearer <integration token> issued by the province administrator.",
  },
  integration_forbidden: {
    message: "Mã truy cập này chỉ được đọc dữ liệu của đơn vị đã cấp.",
    detail: "This integration token is limited to another unit.",
  },
  // ------------------------------------------------------------ reports
  figure_without_list: {
    message: "Chỉ số này không có danh sách hồ sơ.",
    detail: "This figure has no list of dossiers behind it.",
  },

  // ------------------------------------------------------------ officer identity and permissions
  not_signed_in: { message: "Vui lòng đăng nhập để tiếp tục.", detail: "Sign in first: no valid console session." },
  bad_credentials: { message: "Tên đăng nhập hoặc mật khẩu không đúng.", detail: "Wrong username or password." },
  account_locked: {
    message:
      "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị đơn vị.",
    detail: "Too many failed sign-ins; the account is locked for 15 minutes.",
  },
  login_throttled: {
    message: "Đăng nhập sai nhiều lần từ máy này. Vui lòng chờ một lát rồi thử lại.",
    detail:
      "Too many failed sign-ins for this user name from this address; wait before trying again (see Retry-After).",
  },
  password_change_required: {
    message: "Vui lòng đổi mật khẩu dùng một lần trước khi làm việc.",
    detail: "The account has a one-time password: change it (POST /console/api/password) first.",
  },
  csrf_failed: {
    message: "Phiên làm việc không hợp lệ, vui lòng tải lại trang.",
    detail: "Missing or wrong X-CSRF-Token header.",
  },
  forbidden: {
    message: "Vai trò của bạn không được thực hiện thao tác này.",
    detail: "Your role may not perform this action.",
  },
  unit_unknown: { message: "Tài khoản chưa được gán đơn vị tiếp nhận.", detail: "The account has no unit." },
  too_many_lookups: {
    message: "Tra cứu mã quá nhanh (tối đa 30 lần mỗi phút). Vui lòng chờ một phút rồi thử lại.",
    detail: "Too many intake lookups from this session: at most 30 per minute.",
  },

  // ------------------------------------------------------------ officer accounts (administration)
  account_not_found: {
    message: "Không tìm thấy tài khoản này trong phạm vi quản trị của bạn.",
    detail: "No such account among those you administer.",
  },
  username_taken: {
    message: "Tên đăng nhập này đã có, vui lòng chọn tên khác.",
    detail: "The user name is taken.",
  },

  // ------------------------------------------------------------ units and procedures
  unit_not_found: {
    message: "Không tìm thấy đơn vị hành chính này vào thời điểm đã chọn.",
    detail: "No administrative unit holds this code at that date.",
  },
  procedure_not_found: {
    message: "Không tìm thấy thủ tục hành chính này.",
    detail: "Unknown procedure code, or no version in force at that date.",
  },
  procedure_not_received: {
    message: "Đơn vị này không tiếp nhận thủ tục đã chọn vào thời điểm này.",
    detail: "The unit does not receive this procedure at that date.",
  },
  /** At the counter: the officer's unit does not receive the procedure today (the console's catalogue). */
  procedure_not_received_today: {
    message: "Đơn vị không tiếp nhận thủ tục này vào hôm nay.",
    detail: "The unit does not receive this procedure today.",
  },

  // ------------------------------------------------------------ pre-registrations
  consent_required: {
    message: "Bạn cần đồng ý với thông báo xử lý dữ liệu cá nhân trước khi gửi thông tin.",
    detail: "Consent { accepted: true, version } is required before personal data is sent.",
  },
  consent_outdated: {
    message: "Thông báo xử lý dữ liệu cá nhân đã được cập nhật, vui lòng đọc và đồng ý lại.",
    detail: "The consent version is not the current one; fetch GET /api/consent.",
  },
  form_incomplete: {
    message: "Tờ khai chưa đủ thông tin bắt buộc, vui lòng bổ sung các trường được đánh dấu.",
    detail: "The form data is incomplete or invalid for submission.",
  },
  pre_registration_not_found: {
    message: "Không tìm thấy hồ sơ đăng ký trước này.",
    detail: "No such pre-registration (for this citizen, or with this code).",
  },
  pre_registration_not_editable: {
    message: "Hồ sơ đăng ký trước đã gửi hoặc đã hủy nên không sửa được nữa.",
    detail: "Only drafts can be changed.",
  },
  pre_registration_expired: { message: "Bản nháp đã hết hạn, vui lòng tạo hồ sơ mới.", detail: "The draft expired." },
  pre_registration_closed: {
    message: "Hồ sơ đăng ký trước này đã được tiếp nhận, đã hủy hoặc đã hết hạn.",
    detail: "The pre-registration is finalised, cancelled or expired.",
  },
  pre_registration_other_unit: {
    message: "Hồ sơ đăng ký trước này gửi đến đơn vị khác.",
    detail:
      "The pre-registration is addressed to another unit; only its name is disclosed. A counter officer may re-address it with the citizen present.",
  },

  // ------------------------------------------------------------ dossiers
  /** A citizen's dossier code that names no dossier. */
  dossier_not_found: {
    message: "Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã trên phiếu hẹn.",
    detail: "No dossier with this code.",
  },
  /** An officer's dossier id that names no dossier they may see (another unit's looks the same as a missing one). */
  dossier_not_in_unit: { message: "Không tìm thấy hồ sơ.", detail: "No such dossier in your unit." },
  queue_not_found: { message: "Không có hàng đợi này.", detail: "No such work queue." },
  documents_incomplete: {
    message: "Thành phần hồ sơ chưa đủ: hãy lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).",
    detail: "Required documents are missing; issue form 02 instead.",
  },
  not_eligible: {
    message: "Hồ sơ thuộc trường hợp phải từ chối tiếp nhận: hãy lập Phiếu từ chối (Mẫu 03).",
    detail: "A case flag requires refusal (form 03).",
  },
  invalid_transition: {
    message: "Không thể thực hiện thao tác ở trạng thái hiện tại của hồ sơ.",
    detail: "The event is not allowed in the dossier's state.",
  },
  conflict: {
    message: "Hồ sơ vừa được người khác cập nhật, vui lòng tải lại.",
    detail: "The record changed meanwhile; reload.",
  },
  missing_data: {
    message: "Thiếu thông tin bắt buộc cho thao tác này.",
    detail: "Data required by this event is missing.",
  },
  form_not_available: {
    message: "Hồ sơ này không có mẫu in được yêu cầu.",
    detail: "This form does not apply to this dossier.",
  },

  // ------------------------------------------------------------ feedback, data requests, notifications, conversations
  rating_not_ready: {
    message: "Hồ sơ chưa có kết quả nên chưa đánh giá được. Bạn có thể đánh giá sau khi nhận kết quả.",
    detail: "A dossier can be rated once its result is ready or returned.",
  },
  rating_already_sent: {
    message: "Bạn đã đánh giá hồ sơ này rồi. Mỗi hồ sơ chỉ được đánh giá một lần.",
    detail: "This citizen already rated this dossier.",
  },
  feedback_not_found: {
    message: "Không tìm thấy ý kiến này trong đơn vị của bạn.",
    detail: "No such feedback in your unit.",
  },
  data_request_no_unit: {
    message: "Chưa xác định được đơn vị giữ thông tin này. Vui lòng chọn hồ sơ cần sửa, hoặc liên hệ Bộ phận Một cửa.",
    detail:
      "No unit holds data of this citizen for this request; name a pre-registration, dossier or feedback of yours.",
  },
  data_request_not_found: {
    message: "Không tìm thấy yêu cầu này trong đơn vị của bạn.",
    detail: "No such data request in your unit.",
  },
  notification_not_found: {
    message: "Không tìm thấy thông báo này trong đơn vị của bạn.",
    detail: "No such notification in your unit.",
  },
  conversation_not_found: {
    message: "Không tìm thấy cuộc trò chuyện đang chờ trong đơn vị của bạn.",
    detail: "No such waiting conversation in your unit.",
  },

  // ------------------------------------------------------------ the citizen's screen at the counter
  mirror_not_found: {
    message: "Mã kết nối màn hình không đúng hoặc đã hết hạn.",
    detail: "Unknown or expired mirror pairing.",
  },
  mirror_already_joined: {
    message:
      "Mã kết nối này đã được một màn hình khác sử dụng. Mỗi mã chỉ dùng được một lần: xin báo cán bộ ngắt màn hình cũ và tạo mã mới.",
    detail:
      "This pairing code was already joined by another screen; a code joins once. Ask the officer to revoke it and pair again.",
  },
} as const satisfies Record<string, OutcomeText>;

/** Every failure code a use-case may return. */
export type OutcomeCode = keyof typeof OUTCOME_MESSAGES;

export const OUTCOME_CODES = Object.keys(OUTCOME_MESSAGES) as OutcomeCode[];

/** A use-case's refusal: a code, and optionally a more precise message, detail or field list. */
export interface Failure<C extends OutcomeCode = OutcomeCode> {
  ok: false;
  code: C;
  fields?: FieldError[];
  /** Overrides the table's Vietnamese message. */
  message?: string;
  /** Overrides the table's English detail. */
  detail?: string;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

export function fail<C extends OutcomeCode>(code: C, extra: Omit<Failure, "ok" | "code"> = {}): Failure<C> {
  return { ok: false, code, ...extra };
}

export function succeed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** The wire body of a failure: the table's texts unless the failure brings its own. */
export function errorBodyOf(f: Omit<Failure, "ok">) {
  const entry = OUTCOME_MESSAGES[f.code];
  return {
    error: {
      code: f.code,
      message: f.message ?? entry.message,
      detail: f.detail ?? entry.detail,
      ...(f.fields && f.fields.length > 0 ? { fields: f.fields } : {}),
    },
  };
}
