/**
 * Whether this server can send citizens anything through Zalo, in the words a unit admin needs: without
 * ZALO_APP_ID and ZALO_APP_SECRET (Official Account messages and ZNS) or NOTIFY_MINIAPP_API_KEY and ZALO_MINIAPP_ID
 * (Mini App notifications) the notification worker does not start and every notification waits in the outbox
 * (the same test as startNotifications).
 */
import type { Config } from "../config.js";

export interface SendingStatus {
  connected: boolean;
  /** Vietnamese, for the console. */
  title: string;
  detail: string;
  /** What to configure (environment variable names). */
  configure: string[];
}

/** The dossier's notification line while nothing can be sent. */
export const NOT_CONNECTED_LINE = "Chưa gửi: hệ thống chưa kết nối Zalo";

export function sendingStatus(
  config: Pick<Config, "ZALO_APP_ID" | "ZALO_APP_SECRET" | "NOTIFY_MINIAPP_API_KEY" | "ZALO_MINIAPP_ID">,
): SendingStatus {
  const hasOa = config.ZALO_APP_ID !== undefined && config.ZALO_APP_SECRET !== undefined;
  const hasMiniApp = config.NOTIFY_MINIAPP_API_KEY !== undefined && config.ZALO_MINIAPP_ID !== undefined;
  if (hasOa || hasMiniApp) {
    return {
      connected: true,
      title: "Đã kết nối Zalo: người dân được báo kết quả qua Zalo.",
      detail: "",
      configure: [],
    };
  }
  return {
    connected: false,
    title: "Người dân chưa được thông báo qua Zalo: hệ thống chưa kết nối Zalo.",
    detail:
      "Máy chủ chưa được cấu hình tài khoản Zalo Official Account hoặc Zalo Mini App, nên mọi thông báo (đã tiếp nhận, có kết quả, cần bổ sung) đang chờ, chưa gửi cho ai. " +
      "Trong lúc này, cán bộ báo cho người dân trực tiếp (điện thoại, tại quầy). Khi đã cấu hình, các thông báo đang chờ sẽ được gửi.",
    configure: [
      "ZALO_APP_ID và ZALO_APP_SECRET (tin nhắn Zalo OA, ZNS)",
      "hoặc NOTIFY_MINIAPP_API_KEY và ZALO_MINIAPP_ID (thông báo Zalo Mini App)",
    ],
  };
}
