/**
 * Citizen identity. Inside Zalo the mini-app sends `X-Zalo-Access-Token` (verified by the server against
 * the Zalo Graph API); elsewhere it asks once for a device token and sends `Authorization: Bearer <token>`.
 */
import { z } from "zod";

export const DeviceTokenResponse = z.object({
  token: z.string().describe("Keep it on the device; the server stores only its hash"),
  tokenType: z.literal("Bearer"),
  citizenId: z.string(),
});
export type DeviceTokenResponse = z.infer<typeof DeviceTokenResponse>;

/** The phone number kept for result messages (ZNS), shown masked: it is personal data. */
export const CitizenPhone = z.object({
  masked: z.string().describe("e.g. 0912 *** 678"),
  consentAt: z.string().describe("When the citizen agreed to receive result messages on this number"),
  source: z
    .enum(["zalo", "counter"])
    .describe("From the citizen's Zalo account, or entered at the counter with consent"),
});
export type CitizenPhone = z.infer<typeof CitizenPhone>;

export const CitizenMe = z.object({
  citizenId: z.string(),
  identity: z.enum(["zalo", "device"]),
  createdAt: z.string(),
  phone: CitizenPhone.nullable().optional(),
});
export type CitizenMe = z.infer<typeof CitizenMe>;

/** What the mini-app reports after asking for notification permission and the OA follow (POST /citizens/me/notifications). */
export const NotificationOptIn = z.object({
  miniAppNotifications: z
    .boolean()
    .describe("requestSendNotification succeeded: the Mini App notification channel may be used"),
  followedOA: z.boolean().describe("The citizen follows the unit's Official Account"),
});
export type NotificationOptIn = z.infer<typeof NotificationOptIn>;

export const ZALO_TOKEN_HEADER = "x-zalo-access-token";

/**
 * "Nhận tin nhắn kết quả qua số điện thoại": the token of zmp-sdk getPhoneNumber() (single use, about 2 minutes),
 * exchanged by the server, with the citizen's explicit agreement.
 */
export const PhoneFromZalo = z.object({
  phoneToken: z.string().trim().min(1).max(2000).describe("getPhoneNumber().token"),
  consent: z.literal(true).describe("The citizen agrees to receive result messages on this number"),
});
export type PhoneFromZalo = z.infer<typeof PhoneFromZalo>;

/** 0912 345 678 → "0912 *** 678" (84… numbers are shown in the national form). */
export function maskPhone(phone: string): string {
  const national = phone.startsWith("84") ? `0${phone.slice(2)}` : phone;
  return national.length < 7 ? "***" : `${national.slice(0, 4)} *** ${national.slice(-3)}`;
}

/** 0912…, +84912…, 84912… → 84912…; undefined when not a Vietnamese mobile number. */
export function normalizePhone(phone: string): string | undefined {
  const digits = phone.replace(/[\s.()-]/g, "").replace(/^\+/, "");
  const national = digits.startsWith("0") ? `84${digits.slice(1)}` : digits;
  return /^84\d{9,10}$/.test(national) ? national : undefined;
}
