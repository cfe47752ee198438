/**
 * The one error format of the public API, and the table of its codes: HTTP status, Vietnamese message for
 * people, English detail for API clients. The mini-app shows `message`; the chatbot maps `code`.
 */
import { z } from "zod";

export const FieldError = z.object({
  path: z.string().describe("Dotted path of the offending field, e.g. formData.dateOfBirth"),
  message: z.string().describe("Vietnamese message for this field"),
});
export type FieldError = z.infer<typeof FieldError>;

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string().describe("snake_case error code"),
    message: z.string().describe("Vietnamese, for people"),
    detail: z.string().describe("English, for API clients"),
    fields: z.array(FieldError).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

interface ErrorEntry {
  status: number;
  message: string;
  detail: string;
}

export const API_ERRORS = {
  bad_request: { status: 400, message: "Yêu cầu không hợp lệ.", detail: "Bad request." },
  invalid_body: { status: 400, message: "Dữ liệu gửi lên chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.", detail: "The request body failed validation." },
  invalid_query: { status: 400, message: "Tham số tra cứu không hợp lệ.", detail: "The query string failed validation." },
  invalid_params: { status: 400, message: "Đường dẫn không hợp lệ.", detail: "A path parameter failed validation." },
  invalid_characters: {
    status: 400,
    message: "Nội dung gửi lên có ký tự điều khiển (ví dụ ký tự rỗng NUL) nên không được chấp nhận. Vui lòng nhập lại bằng chữ, số và dấu câu thông thường.",
    detail: "The request contains control characters (U+0000-U+001F, U+007F-U+009F; tab and line breaks are allowed in JSON bodies only).",
  },
  malformed_json: { status: 400, message: "Dữ liệu gửi lên không đúng định dạng JSON.", detail: "The request body is not valid JSON." },
  payload_too_large: { status: 413, message: "Dữ liệu gửi lên quá lớn.", detail: "The request body exceeds the size limit." },
  unsupported_media_type: { status: 415, message: "Định dạng dữ liệu không được hỗ trợ, hãy gửi JSON.", detail: "Content-Type must be application/json." },
  rate_limited: { status: 429, message: "Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.", detail: "Too many requests; retry later." },
  not_found: { status: 404, message: "Không tìm thấy địa chỉ yêu cầu.", detail: "No such route." },
  unauthenticated: { status: 401, message: "Vui lòng mở ứng dụng trong Zalo hoặc tạo mã thiết bị để tiếp tục.", detail: "Send X-Zalo-Access-Token or Authorization: Bearer <device token>." },
  invalid_zalo_token: { status: 401, message: "Phiên đăng nhập Zalo đã hết hạn, vui lòng mở lại ứng dụng.", detail: "The Zalo access token was rejected by the Zalo Graph API." },
  invalid_device_token: { status: 401, message: "Mã thiết bị không hợp lệ, vui lòng tạo mã mới.", detail: "Unknown device token." },
  identity_unavailable: { status: 503, message: "Chưa xác thực được tài khoản Zalo, vui lòng thử lại sau.", detail: "The Zalo Graph API could not be reached." },
  zalo_not_configured: { status: 503, message: "Máy chủ chưa được cấu hình kết nối Zalo.", detail: "Zalo identity is not configured on this server (ZALO_APP_SECRET)." },
  unit_not_found: { status: 404, message: "Không tìm thấy đơn vị hành chính này vào thời điểm đã chọn.", detail: "No administrative unit holds this code at that date." },
  procedure_not_found: { status: 404, message: "Không tìm thấy thủ tục hành chính này.", detail: "Unknown procedure code, or no version in force at that date." },
  procedure_not_received: { status: 422, message: "Đơn vị này không tiếp nhận thủ tục đã chọn vào thời điểm này.", detail: "The unit does not receive this procedure at that date." },
  consent_required: { status: 422, message: "Bạn cần đồng ý với thông báo xử lý dữ liệu cá nhân trước khi gửi thông tin.", detail: "Consent { accepted: true, version } is required before personal data is sent." },
  consent_outdated: { status: 422, message: "Thông báo xử lý dữ liệu cá nhân đã được cập nhật, vui lòng đọc và đồng ý lại.", detail: "The consent version is not the current one; fetch GET /api/consent." },
  form_incomplete: { status: 422, message: "Tờ khai chưa đủ thông tin bắt buộc, vui lòng bổ sung các trường được đánh dấu.", detail: "The form data is incomplete or invalid for submission." },
  pre_registration_not_found: { status: 404, message: "Không tìm thấy hồ sơ đăng ký trước này.", detail: "No such pre-registration for this citizen." },
  pre_registration_not_editable: { status: 409, message: "Hồ sơ đăng ký trước đã gửi hoặc đã hủy nên không sửa được nữa.", detail: "Only drafts can be changed." },
  pre_registration_expired: { status: 410, message: "Bản nháp đã hết hạn, vui lòng tạo hồ sơ mới.", detail: "The draft expired." },
  dossier_not_found: { status: 404, message: "Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã trên phiếu hẹn.", detail: "No dossier with this code." },
  rating_not_ready: { status: 422, message: "Hồ sơ chưa có kết quả nên chưa đánh giá được. Bạn có thể đánh giá sau khi nhận kết quả.", detail: "A dossier can be rated once its result is ready or returned." },
  rating_already_sent: { status: 409, message: "Bạn đã đánh giá hồ sơ này rồi. Mỗi hồ sơ chỉ được đánh giá một lần.", detail: "This citizen already rated this dossier." },
  data_request_no_unit: {
    status: 422,
    message: "Chưa xác định được đơn vị giữ thông tin này. Vui lòng chọn hồ sơ cần sửa, hoặc liên hệ Bộ phận Một cửa.",
    detail: "No unit holds data of this citizen for this request; name a pre-registration, dossier or feedback of yours.",
  },
  phone_needs_zalo: { status: 403, message: "Chỉ lấy được số điện thoại khi bạn mở ứng dụng trong Zalo.", detail: "The phone number comes from the Zalo account: call with X-Zalo-Access-Token." },
  phone_token_invalid: { status: 422, message: "Zalo chưa xác nhận số điện thoại của bạn. Vui lòng bấm lại nút để thử lần nữa.", detail: "The getPhoneNumber token was refused by Zalo (used, expired or not issued to this user)." },
  phone_not_vietnamese: { status: 422, message: "Số điện thoại này không phải số di động Việt Nam nên không nhận được tin nhắn.", detail: "The number is not a Vietnamese mobile number (84…)." },
  integration_token_invalid: {
    status: 401, message: "Mã truy cập của hệ thống kết nối không hợp lệ hoặc đã bị thu hồi.", detail: "Send Authorization: Bearer <integration token> issued by the province administrator.",
  },
  integration_forbidden: { status: 403, message: "Mã truy cập này chỉ được đọc dữ liệu của đơn vị đã cấp.", detail: "This integration token is limited to another unit." },
  internal_error: { status: 500, message: "Đã có lỗi trong hệ thống, vui lòng thử lại sau.", detail: "Internal server error." },
  service_unavailable: { status: 503, message: "Hệ thống tạm thời không phục vụ được, vui lòng thử lại sau.", detail: "Service unavailable." },
} as const satisfies Record<string, ErrorEntry>;

export type ApiErrorCode = keyof typeof API_ERRORS;
