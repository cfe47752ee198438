/**
 * The console's Zalo contract: a phone number the citizen gives at the counter for result messages, and the
 * officer's own Zalo account linked on the OA for leader alerts.
 */
import { z } from "zod";
import { normalizePhone } from "../api/citizens.js";

export const DossierPhoneParams = z.object({ dossierId: z.string() });
export const DossierPhoneBody = z.object({
  phone: z
    .string()
    .trim()
    .max(20)
    .refine((p) => normalizePhone(p) !== undefined, "Số di động chưa đúng (ví dụ 0912 345 678)."),
  consent: z.literal(true, { error: "Cần người dân đồng ý nhận tin nhắn kết quả qua số điện thoại này." }),
});
export type DossierPhoneBody = z.infer<typeof DossierPhoneBody>;

export const DossierPhoneReply = z.object({
  phone: z.object({ masked: z.string(), consentAt: z.string(), source: z.string() }).nullable(),
});
export type DossierPhoneReply = z.infer<typeof DossierPhoneReply>;

export const OaLinkReply = z.object({
  linked: z.boolean(),
  codeExpiresAt: z.string().nullable(),
  oaId: z.string().nullable(),
});
export type OaLinkReply = z.infer<typeof OaLinkReply>;

export const OaLinkCodeReply = z.object({
  code: z.string(),
  /** What the officer sends to the OA ("NV 1234 5678"). */
  message: z.string(),
  expiresAt: z.string(),
  oaId: z.string().nullable(),
});
export type OaLinkCodeReply = z.infer<typeof OaLinkCodeReply>;
