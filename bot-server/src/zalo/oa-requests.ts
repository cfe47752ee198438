/**
 * Request bodies of the Zalo sending APIs, exactly as documented (docs/zalo.md#customer-service-message, #zns-and-zbs-template-messages, #mini-app-notification [SECONDARY] /
 * [INFERRED]). Pure builders with the documented limits checked here, so a caller learns about a bad message before
 * any network call: text ≤ 2,000 characters (NFC), at most 5 buttons, phone as 84…, tracking_id ≤ 48 characters.
 */
import { normalizePhone } from "../../../shared/api/citizens.js";

export { normalizePhone };

export type CsButton =
  | { title: string; url: string }
  /** Sent back as a user message (`oa.query.show`), or silently when hidden (`oa.query.hide`). */
  | { title: string; query: string; hidden?: boolean }
  | { title: string; phone: string };

export interface CsMessage {
  text: string;
  buttons?: readonly CsButton[];
}

export interface UidTemplateMessage {
  userId: string;
  templateId: string;
  templateData: Record<string, string>;
}

export interface ZnsMessage {
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  /** Deterministic per (event, channel): Zalo echoes it on the delivery webhook. */
  trackingId: string;
  /** "development": sent only to app/OA admins. */
  mode?: "development";
}

export interface MiniAppNotification {
  /** Mini App Open API key (scope apps.send.notification). */
  apiKey: string;
  miniAppId: string;
  /** Zalo-App-scoped user id (getUserInfo().userInfo.id), not the OA id. */
  userId: string;
  templateId: string;
  templateData: Record<string, string>;
}

export const CS_TEXT_MAX = 2000;
export const CS_BUTTONS_MAX = 5;
const TRACKING_ID_MAX = 48;

type Built<T> = { ok: true; body: T } | { ok: false; error: string };

function button(b: CsButton) {
  if ("url" in b) return { title: b.title, type: "oa.open.url", payload: { url: b.url } };
  if ("query" in b) return { title: b.title, type: b.hidden ? "oa.query.hide" : "oa.query.show", payload: b.query };
  return { title: b.title, type: "oa.open.phone", payload: { phone_code: normalizePhone(b.phone) ?? b.phone } };
}

export function buildCsMessageBody(userId: string, message: CsMessage): Built<unknown> {
  const text = message.text.normalize("NFC");
  if (!/^\d+$/.test(userId)) return { ok: false, error: "recipient user id must be digits" };
  if (text.length === 0 || text.length > CS_TEXT_MAX)
    return { ok: false, error: `text must be 1–${CS_TEXT_MAX} characters, got ${text.length}` };
  const buttons = message.buttons ?? [];
  if (buttons.length > CS_BUTTONS_MAX)
    return { ok: false, error: `at most ${CS_BUTTONS_MAX} buttons, got ${buttons.length}` };
  const body =
    buttons.length === 0
      ? { recipient: { user_id: userId }, message: { text } }
      : {
          recipient: { user_id: userId },
          message: { text, attachment: { type: "template", payload: { buttons: buttons.map(button) } } },
        };
  return { ok: true, body };
}

export function buildUidTemplateBody(m: UidTemplateMessage) {
  return { user_id: m.userId, template_id: m.templateId, template_data: m.templateData };
}

export function buildZnsBody(m: ZnsMessage): Built<unknown> {
  const phone = normalizePhone(m.phone);
  if (!phone) return { ok: false, error: "phone is not a Vietnamese number (84…)" };
  if (m.trackingId.length === 0 || m.trackingId.length > TRACKING_ID_MAX)
    return { ok: false, error: `tracking_id must be 1–${TRACKING_ID_MAX} characters` };
  return {
    ok: true,
    body: {
      phone,
      template_id: m.templateId,
      template_data: m.templateData,
      tracking_id: m.trackingId,
      ...(m.mode ? { mode: m.mode } : {}),
    },
  };
}

/** Template 00126fd75392bacce383: `title` at most 32 characters (https://mini.zalo.me/documents/open-apis/notifications/send/). */
export const MINIAPP_TITLE_MAX = 32;

export function buildMiniAppNotification(m: MiniAppNotification) {
  return {
    headers: { "X-Api-Key": `Bearer ${m.apiKey}`, "X-User-Id": m.userId, "X-MiniApp-Id": m.miniAppId },
    body: { templateId: m.templateId, templateData: m.templateData },
  };
}
