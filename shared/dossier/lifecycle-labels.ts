/** Vietnamese wording of the dossier lifecycle: console labels and the citizen's plain-language status line. */
import type { DossierEvent, DossierState, Role } from "../data/lifecycle.js";

export const STATE_LABELS_VI: Record<DossierState, string> = {
  draft: "Đăng ký trước",
  received: "Đã tiếp nhận",
  processing: "Đang giải quyết",
  awaiting_supplement: "Chờ bổ sung hồ sơ",
  awaiting_approval: "Chờ lãnh đạo duyệt",
  approved: "Đã duyệt",
  rejected: "Không chấp thuận",
  result_ready: "Đã có kết quả",
  returned: "Đã trả kết quả",
  refused: "Từ chối tiếp nhận",
  withdrawn: "Đã dừng giải quyết",
};

export const EVENT_LABELS_VI: Record<DossierEvent, string> = {
  edit_draft: "Lưu thông tin kê khai",
  receive: "Tiếp nhận hồ sơ",
  request_supplement: "Yêu cầu bổ sung hồ sơ",
  refuse: "Từ chối tiếp nhận",
  cancel_draft: "Hủy đăng ký trước",
  start_processing: "Chuyển giải quyết",
  submit_supplement: "Nhận hồ sơ bổ sung",
  submit_for_approval: "Trình lãnh đạo duyệt",
  send_back: "Trả lại để xử lý lại",
  approve: "Duyệt",
  reject: "Không chấp thuận",
  mark_result_ready: "Báo đã có kết quả",
  return_result: "Trả kết quả",
  withdraw: "Dừng giải quyết theo đề nghị",
  extend_due_date: "Xin lỗi và hẹn lại ngày trả",
  issue_receipt: "In giấy tiếp nhận và hẹn trả kết quả",
};

export const ROLE_LABELS_VI: Record<Role, string> = {
  counter_officer: "Cán bộ tiếp nhận (Bộ phận Một cửa)",
  processing_officer: "Cán bộ giải quyết",
  leader: "Lãnh đạo",
  unit_admin: "Quản trị đơn vị",
  province_viewer: "Theo dõi cấp tỉnh",
  province_admin: "Quản trị cấp tỉnh",
  volunteer: "Tình nguyện viên hỗ trợ kê khai",
  system: "Hệ thống",
};

/** For citizens on Zalo: short, plain words, no internal jargon. */
const CITIZEN_STATUS_VI: Record<DossierState, string> = {
  draft: "Ông/bà đã đăng ký trước. Vui lòng mang giấy tờ đến Bộ phận Một cửa để nộp hồ sơ.",
  received: "Hồ sơ của ông/bà đã được tiếp nhận.",
  processing: "Hồ sơ của ông/bà đang được giải quyết.",
  awaiting_supplement:
    "Hồ sơ của ông/bà cần bổ sung giấy tờ. Vui lòng xem phiếu yêu cầu bổ sung và nộp thêm. Thời gian chờ bổ sung không tính vào thời hạn giải quyết.",
  awaiting_approval: "Hồ sơ của ông/bà đã xử lý xong và đang chờ lãnh đạo ký duyệt.",
  approved: "Hồ sơ của ông/bà đã được duyệt, kết quả đang được chuẩn bị.",
  rejected: "Hồ sơ của ông/bà không được chấp thuận. Văn bản trả lời nêu rõ lý do đang được chuẩn bị.",
  result_ready: "Đã có kết quả. Mời ông/bà đến Bộ phận Một cửa nhận kết quả, nhớ mang theo giấy tờ tùy thân.",
  returned: "Ông/bà đã nhận kết quả. Cảm ơn ông/bà.",
  refused: "Hồ sơ không được tiếp nhận. Lý do được ghi trong phiếu từ chối tiếp nhận.",
  withdrawn: "Hồ sơ đã dừng giải quyết, hoặc đăng ký trước đã được hủy. Nếu cần, ông/bà có thể nộp hồ sơ mới.",
};

const UNKNOWN_STATUS_VI = "Chưa xem được tình trạng hồ sơ. Vui lòng liên hệ Bộ phận Một cửa để được hỗ trợ.";

/** One plain-language line for the chatbot and the mini app; a state read from storage may be unknown. */
export function citizenStatusText(state: DossierState): string {
  return Object.hasOwn(CITIZEN_STATUS_VI, state) ? CITIZEN_STATUS_VI[state] : UNKNOWN_STATUS_VI;
}
