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

export const CitizenMe = z.object({
  citizenId: z.string(),
  identity: z.enum(["zalo", "device"]),
  createdAt: z.string(),
});
export type CitizenMe = z.infer<typeof CitizenMe>;

/** What the mini-app reports after asking for notification permission and the OA follow (POST /citizens/me/notifications). */
export const NotificationOptIn = z.object({
  miniAppNotifications: z.boolean().describe("requestSendNotification succeeded: the Mini App notification channel may be used"),
  followedOA: z.boolean().describe("The citizen follows the unit's Official Account"),
});
export type NotificationOptIn = z.infer<typeof NotificationOptIn>;

export const ZALO_TOKEN_HEADER = "x-zalo-access-token";
