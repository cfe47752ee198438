/**
 * An officer sent the OA the code the console showed ("NV 1234 5678"): their OA user id (the event's sender) is
 * linked to their console account for leader alerts, and the OA says so in the chat.
 */
import { parseOaLinkMessage, redeemOaLinkCode } from "../store/officer-oa-link.js";
import type { ChatReply } from "../../../shared/chatbot/compose-reply.js";
import type { ChatbotEnv } from "./chatbot.js";

export const OFFICER_LINKED_VI = (name: string) =>
  `Đã liên kết tài khoản Zalo này với cán bộ ${name}. Nhắc việc hồ sơ “Ngày không hẹn” sẽ được gửi tới đây.`;
export const OFFICER_LINK_FAILED_VI =
  "Mã liên kết không đúng hoặc đã hết hạn (15 phút). Vui lòng lấy mã mới trên trang quản lý hồ sơ rồi gửi lại.";

/** The OA's answer to a link code; undefined: the text is not a link code (the chatbot answers it as usual). */
export async function officerLinkReply(
  env: ChatbotEnv,
  oaUserId: string,
  text: string,
  now: Date,
): Promise<ChatReply | undefined> {
  const digits = parseOaLinkMessage(text);
  if (digits === undefined) return undefined;
  const linked = await redeemOaLinkCode(env.db, digits, oaUserId, now.toISOString());
  env.log.info({ linked: linked.ok }, "officer OA link code received");
  return { text: linked.ok ? OFFICER_LINKED_VI(linked.displayName) : OFFICER_LINK_FAILED_VI, buttons: [] };
}
