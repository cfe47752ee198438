/**
 * Citizen feedback (Decree 61/2018 art. 30 evaluation, phản ánh, kiến nghị): a rating of a dossier the citizen
 * owns once its result is ready, or a complaint/suggestion to the unit; the unit's answer comes back to the list.
 * Cross-field rules (rating only with kind "rating", text required for a complaint) are checked by the server.
 */
import { z } from "zod";
import { UnitCode, UnitRef } from "./common.js";

export const FEEDBACK_KINDS = ["rating", "complaint", "suggestion"] as const;
export const FeedbackKind = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

/** Decree 61/2018 evaluation levels as stored in feedback.rating. */
export const SATISFACTION_RATINGS = ["rat_hai_long", "hai_long", "khong_hai_long"] as const;
export const SatisfactionRating = z.enum(SATISFACTION_RATINGS);
export type SatisfactionRating = z.infer<typeof SatisfactionRating>;

export const SATISFACTION_LABELS: Record<SatisfactionRating, string> = {
  rat_hai_long: "Rất hài lòng",
  hai_long: "Hài lòng",
  khong_hai_long: "Không hài lòng",
};

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  rating: "Đánh giá mức độ hài lòng",
  complaint: "Phản ánh",
  suggestion: "Kiến nghị",
};

export const FEEDBACK_STATUSES = ["open", "answered", "closed"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  open: "Đang chờ đơn vị xem xét",
  answered: "Đơn vị đã trả lời",
  closed: "Đã ghi nhận",
};

/** Longest free text accepted (about two pages of a phone screen). */
export const FEEDBACK_TEXT_MAX = 2000;

export const FeedbackInput = z.object({
  unitCode: UnitCode,
  dossierCode: z.string().min(1).max(64).optional().describe("Required for a rating: a dossier of the calling citizen"),
  kind: FeedbackKind,
  rating: SatisfactionRating.optional().describe("Required when kind is rating, refused otherwise"),
  text: z
    .string()
    .max(FEEDBACK_TEXT_MAX)
    .optional()
    .describe("Optional comment of a rating; required for a complaint or suggestion"),
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;

export const FeedbackReceipt = z.object({ id: z.string(), createdAt: z.string() });
export type FeedbackReceipt = z.infer<typeof FeedbackReceipt>;

export const FeedbackListQuery = z.object({
  mine: z.literal("1", { message: "Chỉ hỗ trợ mine=1 (ý kiến của chính bạn)" }),
});

export const MyFeedback = z.object({
  id: z.string(),
  kind: FeedbackKind,
  kindLabel: z.string(),
  rating: SatisfactionRating.nullable(),
  ratingLabel: z.string().nullable(),
  text: z.string().nullable(),
  unit: UnitRef.nullable(),
  dossierCode: z.string().nullable(),
  status: z.enum(FEEDBACK_STATUSES),
  statusLabel: z.string(),
  createdAt: z.string(),
  answer: z
    .object({ text: z.string(), answeredAt: z.string() })
    .nullable()
    .describe("The unit's answer, when there is one"),
});
export type MyFeedback = z.infer<typeof MyFeedback>;

export const MyFeedbackList = z.object({ items: z.array(MyFeedback) });
export type MyFeedbackList = z.infer<typeof MyFeedbackList>;
