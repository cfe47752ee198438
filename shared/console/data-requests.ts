/** The console's contract for citizens' requests to correct their personal data (Luật số 91/2025/QH15). */
import { z } from "zod";
import { CORRECTION_TEXT_MAX } from "../api/my-data.js";

export const DataRequestView = z.object({
  id: z.string(),
  subject: z.string(),
  subjectLabel: z.string(),
  reference: z.string().nullable(),
  unitName: z.string(),
  text: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DataRequestView = z.infer<typeof DataRequestView>;

export const DataRequestsReply = z.object({ canAnswer: z.boolean(), items: z.array(DataRequestView) });
export type DataRequestsReply = z.infer<typeof DataRequestsReply>;

export const DataRequestParams = z.object({ id: z.string() });
export const DataRequestAnswerBody = z.object({
  status: z.enum(["done", "refused"]),
  answer: z.string().trim().min(1, "Vui lòng nhập nội dung trả lời người dân.").max(CORRECTION_TEXT_MAX),
});
export type DataRequestAnswerBody = z.infer<typeof DataRequestAnswerBody>;
