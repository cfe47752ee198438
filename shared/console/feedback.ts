/** The console's feedback contract: the unit reads its citizens' ratings, complaints and suggestions and answers them. */
import { z } from "zod";
import { FEEDBACK_TEXT_MAX } from "../api/feedback.js";

export const FeedbackListQuery = z.object({
  status: z.enum(["open", "answered", "closed"], "Trạng thái phải là open, answered hoặc closed.").optional(),
});
export const FeedbackParams = z.object({ id: z.string().max(100) });
export const FeedbackAnswerBody = z.object({
  answer: z.string().trim().min(1, "Vui lòng nhập nội dung trả lời.").max(FEEDBACK_TEXT_MAX),
});

export const FeedbackItem = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  rating: z.string().nullable(),
  ratingLabel: z.string().nullable(),
  text: z.string().nullable(),
  dossierCode: z.string().nullable(),
  unitName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  createdAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type FeedbackItem = z.infer<typeof FeedbackItem>;
export const FeedbackListReply = z.object({ items: z.array(FeedbackItem) });
export type FeedbackListReply = z.infer<typeof FeedbackListReply>;
