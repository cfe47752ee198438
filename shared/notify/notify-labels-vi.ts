/**
 * Vietnamese wording of the notification records for the officer console: what a notification announced, on which
 * channel an attempt went, how it ended, what Zalo's error code means in plain words, and whether the citizen of
 * a dossier has been told. Codes without a label are shown as they are.
 */
import { ZALO_ERRORS, type ZaloErrorKind } from "../data/zalo-errors.js";
import { isNotifyChannel, WEBHOOK_CHANNEL, WEBHOOK_KIND, type NotifyChannel } from "./channels.js";
import { isNotifyKind, type NotifyKind } from "./notification-kinds.js";

export const NOTIFY_KIND_LABELS_VI: Record<NotifyKind, string> = {
  receipt_issued: "Báo đã tiếp nhận hồ sơ",
  supplement_requested: "Yêu cầu bổ sung hồ sơ",
  result_ready: "Báo đã có kết quả",
  late_apology: "Xin lỗi, hẹn lại ngày trả",
  returned: "Báo đã trả kết quả, mời đánh giá",
  refused: "Báo từ chối tiếp nhận",
  feedback_answer: "Báo đã trả lời ý kiến",
  leader_alert: "Nhắc lãnh đạo duyệt hồ sơ",
};

export const NOTIFY_CHANNEL_LABELS_VI: Record<NotifyChannel, string> = {
  oa_cs: "Tin nhắn Zalo OA",
  miniapp: "Thông báo Mini App",
  zns: "Tin ZNS theo số điện thoại",
};

/** deliveries.status */
export const DELIVERY_STATUS_LABELS_VI: Record<string, string> = {
  sending: "Đang gửi, chưa rõ kết quả",
  sent: "Đã gửi",
  failed: "Không gửi được",
  rejected: "Zalo từ chối trên kênh này",
};

/** dossiers.notify_status */
export const NOTIFY_STATUS_LABELS_VI: Record<string, string> = {
  pending: "Đang chờ gửi thông báo",
  notified: "Đã thông báo cho người dân",
  not_notified: "Chưa thông báo được cho người dân",
};

const ZALO_ERROR_KIND_LABELS_VI: Record<ZaloErrorKind, string> = {
  token_expired: "mã truy cập OA hết hạn",
  rate_limited: "Zalo giới hạn tần suất gửi",
  permanent_for_channel: "người dân không nhận được qua kênh này",
  night_window: "không được gửi ZNS ban đêm (22:00–06:00)",
  daily_limit: "hết hạn mức gửi trong ngày",
  transient: "Zalo tạm thời lỗi",
  configuration: "cấu hình OA hoặc ứng dụng Zalo chưa đúng",
  invalid_request: "Zalo không nhận nội dung gửi",
};

const OTHER_ERRORS_VI: Record<string, string> = {
  network: "không kết nối được Zalo",
  no_answer: "Zalo không trả lời",
  in_doubt: "chưa rõ đã gửi hay chưa",
  zns_no_receipt:
    "máy gửi dừng giữa chừng, Zalo chưa báo đã giao tin ZNS này nên đã gửi lại cùng mã theo dõi (ít nhất một lần, người dân có thể nhận hai lần)",
  resent_at_least_once:
    "máy gửi dừng giữa chừng, kênh thông báo Mini App không cho kiểm tra nên đã gửi lại (ít nhất một lần, người dân có thể nhận hai lần)",
};

/** "-230: người dân không nhận được qua kênh này"; a code this table does not know is returned as it is. */
export function deliveryErrorLabelVi(code: string | null): string | null {
  if (code === null || code === "") return null;
  if (Object.hasOwn(OTHER_ERRORS_VI, code)) return `${code}: ${OTHER_ERRORS_VI[code]}`;
  const http = /^http_(\d{3})$/.exec(code);
  if (http) return `HTTP ${http[1]}: Zalo tạm thời lỗi`;
  const zalo = /^-?\d+$/.test(code) ? ZALO_ERRORS.find((e) => e.code === Number(code)) : undefined;
  return zalo ? `${code}: ${ZALO_ERROR_KIND_LABELS_VI[zalo.kind]}` : code;
}

/** A delivery attempt with its Vietnamese labels, as the console lists it. */
export function deliveryAttemptVi(d: {
  kind?: string;
  channel: string;
  attempt: number;
  status: string;
  errorCode: string | null;
  at: string;
}) {
  return {
    ...(d.kind !== undefined ? { kind: d.kind, kindLabel: notifyKindLabelVi(d.kind) } : {}),
    channel: d.channel,
    channelLabel:
      d.channel === WEBHOOK_CHANNEL
        ? "Webhook sang hệ thống TTHC của tỉnh"
        : isNotifyChannel(d.channel)
          ? NOTIFY_CHANNEL_LABELS_VI[d.channel]
          : d.channel,
    attempt: d.attempt,
    status: d.status,
    statusLabel: labelOr(DELIVERY_STATUS_LABELS_VI, d.status),
    errorCode: d.errorCode,
    errorLabel: d.channel === WEBHOOK_CHANNEL ? webhookErrorLabelVi(d.errorCode) : deliveryErrorLabelVi(d.errorCode),
    at: d.at,
  };
}

/** "http_500" → "HTTP 500: hệ thống của tỉnh trả lỗi"; no answer (timeout, refused connection) in words. */
export function webhookErrorLabelVi(code: string | null): string | null {
  if (code === null || code === "") return null;
  const http = /^http_(\d{3})$/.exec(code);
  if (http) return `HTTP ${http[1]}: hệ thống của tỉnh trả lỗi`;
  if (code === "in_doubt") return `${code}: máy gửi dừng giữa chừng, chưa rõ đã gửi hay chưa nên đã gửi lại`;
  return `${code}: không kết nối được hệ thống của tỉnh`;
}

export function notifyKindLabelVi(kind: string): string {
  if (kind === WEBHOOK_KIND) return "Gửi sự kiện hồ sơ sang hệ thống TTHC của tỉnh";
  return isNotifyKind(kind) ? NOTIFY_KIND_LABELS_VI[kind] : kind;
}

export function labelOr(table: Record<string, string>, key: string): string {
  return Object.hasOwn(table, key) ? table[key]! : key;
}
