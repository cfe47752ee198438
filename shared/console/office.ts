/** The console's contract for the one-stop office's telephone and address (given out by the chatbot). */
import { z } from "zod";

/** As dialled in Việt Nam: 0 or +84, then 9–10 digits; spaces and dots allowed between groups. */
const PHONE = /^(?:0|\+84)(?:[ .]?\d){9,10}$/;

export const OfficeContactBody = z.object({
  phone: z
    .string()
    .trim()
    .max(20)
    .refine((p) => p === "" || PHONE.test(p), "Số điện thoại chưa đúng (ví dụ 0261 3544 123 hoặc 0912 345 678).")
    .transform((p) => p || null),
  address: z
    .string()
    .trim()
    .max(300, "Địa chỉ tối đa 300 ký tự.")
    .transform((a) => a.normalize("NFC") || null),
});
export type OfficeContactBody = z.infer<typeof OfficeContactBody>;

export const OfficeContactReply = z.object({
  phone: z.string().nullable(),
  address: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type OfficeContactReply = z.infer<typeof OfficeContactReply>;
