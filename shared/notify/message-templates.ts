/**
 * Vietnamese texts of every notification, as data: one row per kind (and track where the wording differs).
 * Placeholders in braces are filled by renderNotification. No personal data: dossier code, procedure, state,
 * dates, the office and its hours only (Decree 13/2023). ZNS parameter names must match the template registered
 * with Zalo; their lengths follow docs/zalo.md#zns-and-zbs-template-messages (code/status 30, address 200, date 20) [SECONDARY].
 */
import type { NotifyKind } from "./notification-kinds.js";

export interface MessageTemplate {
  kind: NotifyKind;
  /** Only for this track; rows without a track apply to both. */
  track?: "same-day" | "normal";
  /** Short heading (mini-app contentTitle, ZNS status). */
  title: string;
  /** The OA customer-service message and the mini-app description (≤ 2,000 characters). */
  text: string;
  buttonText: string;
}

export const MESSAGE_TEMPLATES_VI: readonly MessageTemplate[] = [
  {
    kind: "receipt_issued",
    track: "same-day",
    title: "Đã tiếp nhận – trả trong ngày",
    text:
      "{place} đã tiếp nhận hồ sơ {ref} theo “Ngày không hẹn”: kết quả được giải quyết và trả trong ngày {dueDate}. " +
      "Chúng tôi sẽ nhắn ngay khi có kết quả.",
    buttonText: "Xem hồ sơ",
  },
  {
    kind: "receipt_issued",
    title: "Đã tiếp nhận hồ sơ",
    text: "{place} đã tiếp nhận hồ sơ {ref}. Ngày hẹn trả kết quả: {dueDate}. Chúng tôi sẽ nhắn khi có kết quả.",
    buttonText: "Xem hồ sơ",
  },
  {
    kind: "supplement_requested",
    title: "Cần bổ sung hồ sơ",
    text:
      "Hồ sơ {ref} cần bổ sung: {missing}. Mời ông/bà nộp bổ sung tại {place} ({hours}). " +
      "Thời gian chờ bổ sung không tính vào thời hạn giải quyết.",
    buttonText: "Xem giấy tờ cần bổ sung",
  },
  {
    kind: "result_ready",
    track: "same-day",
    title: "Đã có kết quả trong ngày",
    text:
      "Hồ sơ {ref} đã có kết quả ngay trong ngày (“Ngày không hẹn”). Mời ông/bà đến nhận tại {place} ({hours}), " +
      "nhớ mang theo giấy tờ tùy thân.",
    buttonText: "Xem hồ sơ",
  },
  {
    kind: "result_ready",
    title: "Đã có kết quả",
    text: "Hồ sơ {ref} đã có kết quả. Mời ông/bà đến nhận tại {place} ({hours}), nhớ mang theo giấy tờ tùy thân.",
    buttonText: "Xem hồ sơ",
  },
  {
    kind: "late_apology",
    title: "Xin lỗi – hẹn lại ngày trả",
    text:
      "{place} xin lỗi ông/bà: hồ sơ {ref} chưa giải quyết xong đúng hẹn ngày {dueDate}. " +
      "Ngày hẹn trả kết quả mới: {newDueDate}. Thư xin lỗi (Mẫu 04) được gửi kèm khi nhận kết quả.",
    buttonText: "Xem hồ sơ",
  },
  {
    kind: "returned",
    title: "Đã trả kết quả",
    text:
      "Ông/bà đã nhận kết quả hồ sơ {ref} tại {place}. Cảm ơn ông/bà. " +
      "Mời ông/bà dành một phút đánh giá mức độ hài lòng trong Mini App.",
    buttonText: "Đánh giá",
  },
  {
    kind: "refused",
    title: "Chưa tiếp nhận hồ sơ",
    text:
      "Hồ sơ {ref} chưa được tiếp nhận; lý do ghi trong Phiếu từ chối tiếp nhận (Mẫu 03) cán bộ đã trao. " +
      "Cần hỗ trợ, mời ông/bà liên hệ {place} ({hours}).",
    buttonText: "Xem thủ tục",
  },
  {
    kind: "feedback_answer",
    title: "Đã trả lời góp ý",
    text: "{place} đã trả lời góp ý của ông/bà. Mời ông/bà xem câu trả lời trong Mini App.",
    buttonText: "Xem trả lời",
  },
  {
    kind: "leader_alert",
    title: "Hồ sơ chờ duyệt trong ngày",
    text:
      "Nhắc duyệt: {count} hồ sơ “Ngày không hẹn” của {unit} đang chờ lãnh đạo duyệt ({codes}). " +
      "Cần duyệt trước {approveBy} để trả kết quả trong ngày.",
    buttonText: "Mở hàng chờ duyệt",
  },
];

/** Mini-app notification title (docs/zalo.md#mini-app-notification sample uses the scheme name). */
export const MINIAPP_TITLE_VI = "Ngày không hẹn";
/** When the unit's office hours are not configured. */
export const DEFAULT_HOURS_VI = "trong giờ hành chính";
/** Names of the ZNS template parameters and their maximum lengths. */
export const ZNS_PARAMS = {
  dossierCode: { name: "ma_ho_so", maxLength: 30 },
  status: { name: "trang_thai", maxLength: 30 },
  procedure: { name: "thu_tuc", maxLength: 200 },
  place: { name: "noi_nhan", maxLength: 200 },
  date: { name: "ngay_hen", maxLength: 20 },
} as const;
