/**
 * Zalo OA webhook payloads (docs/zalo.md#oa-webhook) mapped to the few events the chatbot acts on. Zalo field names stay
 * here; ids are kept as strings (they exceed 2^53), `timestamp` is ms since epoch as a string. Tolerant of extra or
 * missing fields: an event we do not act on is "ignored", never an error.
 */
export type ZaloEventKind = "follow" | "unfollow" | "text" | "media" | "chat_opened" | "echo" | "ignored";

export interface ZaloEvent {
  kind: ZaloEventKind;
  /** Zalo's event_name, e.g. "user_send_text". */
  name: string;
  /** Dedupe key: message id, else event name + timestamp + user id (docs/zalo.md#oa-webhook). */
  eventId: string;
  /** OA-scoped user id (sender.id, follower.id or user_id); empty for events without a user. */
  userId: string;
  /** Event time, ms since epoch. */
  at: number;
  /** user_send_text only, NFC, at most MAX_TEXT characters. */
  text?: string;
  /** follow: where the user followed from (oa_profile, qr…). */
  source?: string;
  /** `user_id_by_app`: the same user's id in our Zalo App (the Mini App's `userInfo.id`), when Zalo sends it. */
  appUserId?: string;
}

export type ParsedEvent = { ok: true; event: ZaloEvent } | { ok: false; reason: string };

const MAX_TEXT = 2000;
const DIGITS = /^\d{1,20}$/;
const MEDIA_EVENTS = new Set([
  "user_send_image",
  "user_send_link",
  "user_send_audio",
  "user_send_video",
  "user_send_sticker",
  "user_send_gif",
  "user_send_location",
  "user_send_file",
  "user_send_business_card",
]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function idOf(v: unknown): string | undefined {
  if (typeof v === "string" && DIGITS.test(v)) return v;
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return String(v);
  return undefined;
}

function kindOf(name: string): ZaloEventKind {
  if (name === "follow" || name === "unfollow") return name;
  if (name === "user_send_text") return "text";
  if (MEDIA_EVENTS.has(name)) return "media";
  if (name === "user_click_chatnow") return "chat_opened";
  if (name.startsWith("oa_send_")) return "echo";
  return "ignored";
}

/** The `timestamp` field as sent (the signature covers that exact string). */
export function timestampOf(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  const t = body.timestamp;
  if (typeof t === "string" && DIGITS.test(t)) return t;
  if (typeof t === "number" && Number.isSafeInteger(t) && t >= 0) return String(t);
  return undefined;
}

export function parseZaloEvent(body: unknown): ParsedEvent {
  if (!isObject(body)) return { ok: false, reason: "body is not a JSON object" };
  const name = body.event_name;
  if (typeof name !== "string" || name === "") return { ok: false, reason: "event_name missing" };
  const timestamp = timestampOf(body);
  if (timestamp === undefined) return { ok: false, reason: "timestamp missing" };
  const kind = kindOf(name);
  const sender = isObject(body.sender) ? body.sender : {};
  const follower = isObject(body.follower) ? body.follower : {};
  const message = isObject(body.message) ? body.message : {};
  const userId =
    (kind === "follow" || kind === "unfollow"
      ? idOf(follower.id)
      : kind === "chat_opened"
        ? idOf(body.user_id)
        : idOf(sender.id)) ?? "";
  if (userId === "" && kind !== "echo" && kind !== "ignored") return { ok: false, reason: "user id missing" };
  const msgId = typeof message.msg_id === "string" && message.msg_id.length <= 100 ? message.msg_id : undefined;
  const event: ZaloEvent = {
    kind,
    name,
    eventId: msgId ? `msg:${msgId}` : `${name}:${timestamp}:${userId}`,
    userId,
    at: Number(timestamp),
  };
  if (kind === "text")
    event.text = typeof message.text === "string" ? message.text.normalize("NFC").slice(0, MAX_TEXT) : "";
  if (kind === "follow" && typeof body.source === "string") event.source = body.source.slice(0, 50);
  const appUserId = idOf(body.user_id_by_app);
  if (appUserId && userId !== "") event.appUserId = appUserId;
  return { ok: true, event };
}

/**
 * ZNS delivery receipt `user_received_message` (docs/zalo.md#oa-webhook [SECONDARY]): `message.tracking_id` is the id the
 * sender chose, `message.delivery_time` the time the phone received it (ms). Undefined for any other event.
 */
export function parseZnsReceipt(
  body: unknown,
): { trackingId: string; msgId: string | null; deliveredAt: string | null } | undefined {
  if (!isObject(body) || body.event_name !== "user_received_message" || !isObject(body.message)) return undefined;
  const m = body.message;
  if (typeof m.tracking_id !== "string" || m.tracking_id.length === 0 || m.tracking_id.length > 48) return undefined;
  const ms =
    typeof m.delivery_time === "string" && DIGITS.test(m.delivery_time)
      ? Number(m.delivery_time)
      : typeof m.delivery_time === "number"
        ? m.delivery_time
        : NaN;
  const deliveredAt = Number.isFinite(ms) && ms > 0 && ms < 8.64e15 ? new Date(ms).toISOString() : null;
  return { trackingId: m.tracking_id, msgId: typeof m.msg_id === "string" ? m.msg_id.slice(0, 64) : null, deliveredAt };
}
