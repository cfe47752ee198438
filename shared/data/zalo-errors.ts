/**
 * Zalo OA, ZNS/ZBS and OAuth error codes and what a sender does about each (docs/zalo.md#oa-access-token, #zns-and-zbs-template-messages, #zns-and-zbs-template-messages table, #channel-choice,
 * docs/zalo.md#error-codes [SECONDARY]: compiled from Zalo's "mã lỗi" pages as quoted by third parties; check against a real OA).
 * Errors arrive with HTTP 200 and a non-zero `error` field, so every response body is classified through this table.
 *
 * kind:
 * - token_expired: refresh the OA access token once (single-flight), retry once.
 * - rate_limited: back off, then retry.
 * - permanent_for_channel: this recipient cannot get this message on this channel: try the next channel.
 * - night_window: not between 22:00 and 06:00 Asia/Ho_Chi_Minh: retry at 06:05.
 * - daily_limit: the day's quota is spent: retry the next day.
 * - transient: Zalo failed this time: retry with backoff.
 * - configuration: the app, OA or template is not set up for this call: an administrator must act; next channel.
 * - invalid_request: our request is wrong (a bug or content refused): do not retry.
 */

export type ZaloErrorKind =
  | "token_expired"
  | "rate_limited"
  | "permanent_for_channel"
  | "night_window"
  | "daily_limit"
  | "transient"
  | "configuration"
  | "invalid_request";

export interface ZaloErrorEntry {
  code: number;
  kind: ZaloErrorKind;
  /** Zalo's meaning, in English as documented. */
  meaning: string;
  /** Where the code is documented. */
  api: "oa" | "zns" | "oauth";
}

const oa = (code: number, kind: ZaloErrorKind, meaning: string): ZaloErrorEntry => ({ code, kind, meaning, api: "oa" });
const zns = (code: number, kind: ZaloErrorKind, meaning: string): ZaloErrorEntry => ({
  code,
  kind,
  meaning,
  api: "zns",
});

export const ZALO_ERRORS: readonly ZaloErrorEntry[] = [
  oa(-32, "rate_limited", "app or OA reached the per-minute call limit"),
  // -100, -118, -126, -115 as Zalo's Official Account API error table gives them (docs.zaloplatforms.com, quoted by
  // third parties [SECONDARY]; the official SDKs, e.g. github.com/zaloplatform/zalo-php-sdk, carry no table). The
  // ZNS/ZBS table once used some of these numbers for other meanings; one code, one meaning here: the OA's.
  oa(-100, "transient", "unknown error, retry later"),
  oa(-200, "transient", "send message failed"),
  oa(-201, "invalid_request", "a parameter is invalid"),
  oa(-204, "configuration", "OA disabled"),
  oa(-205, "configuration", "OA does not exist"),
  oa(-209, "configuration", "app not activated (not supported this api)"),
  oa(-210, "invalid_request", "parameter exceeds limit"),
  oa(-211, "permanent_for_channel", "out of quota"),
  oa(-212, "configuration", "app has not registered this API"),
  oa(-213, "permanent_for_channel", "user has not followed the OA"),
  oa(-214, "transient", "article processing"),
  oa(-216, "token_expired", "access token is invalid"),
  oa(-217, "permanent_for_channel", "user blocked the OA invitation"),
  oa(-218, "permanent_for_channel", "recipient quota exceeded"),
  oa(-219, "configuration", "app removed or disabled"),
  oa(-220, "token_expired", "access token expired or removed"),
  oa(-221, "configuration", "OA must be verified"),
  oa(-223, "configuration", "OA has not authorised this API"),
  oa(-224, "configuration", "OA tier upgrade needed"),
  oa(-227, "permanent_for_channel", "user banned or inactive for more than 45 days"),
  oa(-230, "permanent_for_channel", "user has not interacted with the OA in the past 7 days"),
  oa(-232, "permanent_for_channel", "no interaction or interaction expired"),
  oa(-233, "invalid_request", "message type invalid"),
  oa(-234, "night_window", "cannot send at night (promotion)"),
  oa(-240, "configuration", "MessageV2 shut down, use V3"),
  oa(-242, "configuration", "invalid appsecret_proof"),
  oa(-244, "permanent_for_channel", "user restricted this message type"),
  oa(-248, "invalid_request", "content violates standards"),
  oa(-249, "permanent_for_channel", "template does not support UID"),
  oa(-320, "configuration", "Zalo Cloud Account missing"),
  oa(-321, "configuration", "Zalo Cloud Account out of money"),
  zns(-108, "permanent_for_channel", "invalid phone"),
  zns(-109, "configuration", "invalid template id"),
  zns(-114, "permanent_for_channel", "user cannot receive"),
  // Balance: an administrator must top up; retrying every morning would never end. Next channel, and the log says why.
  oa(-115, "configuration", "out of balance"),
  zns(-117, "configuration", "no template permission"),
  oa(-118, "permanent_for_channel", "the recipient's Zalo account does not exist or is disabled"),
  zns(-124, "token_expired", "invalid access token"),
  oa(-126, "configuration", "development-mode wallet out of balance"),
  zns(-127, "configuration", "development mode: recipient is not an admin"),
  zns(-131, "configuration", "template not approved"),
  zns(-133, "night_window", "cannot send at night (22:00–06:00)"),
  zns(-135, "configuration", "OA not allowed ZNS"),
  zns(-136, "configuration", "Zalo Cloud Account required"),
  zns(-137, "configuration", "Zalo Cloud Account charge failed"),
  zns(-139, "permanent_for_channel", "user refused this content type"),
  zns(-141, "permanent_for_channel", "user refused this OA"),
  zns(-144, "daily_limit", "daily limit of the OA"),
  zns(-146, "configuration", "template disabled (low quality)"),
  zns(-147, "daily_limit", "daily limit of the template"),
  zns(-1121, "invalid_request", "parameter too long"),
  zns(-1122, "invalid_request", "missing parameter"),
];
