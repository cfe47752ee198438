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

export const ZALO_TOKEN_HEADER = "x-zalo-access-token";
