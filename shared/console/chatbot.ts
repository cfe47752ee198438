/** The console's contract for the chatbot: the OA's area and "Thử chatbot" (the reply a citizen would get). */
import { z } from "zod";

export const ChatbotUnitChoice = z.object({ unitId: z.string(), name: z.string(), level: z.string() });
export type ChatbotUnitChoice = z.infer<typeof ChatbotUnitChoice>;

export const ChatbotAreaReply = z.object({
  unitId: z.string().nullable(),
  name: z.string().nullable(),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
  choices: z.array(ChatbotUnitChoice),
});
export type ChatbotAreaReply = z.infer<typeof ChatbotAreaReply>;

export const ChatbotAreaBody = z.object({ unitId: z.string().min(1).max(100).nullable() });

export const ChatbotUnitsReply = z.object({
  units: z.array(ChatbotUnitChoice),
  defaultUnitId: z.string().nullable(),
});
export type ChatbotUnitsReply = z.infer<typeof ChatbotUnitsReply>;

export const ChatbotTryBody = z.object({
  text: z.string().trim().min(1, "Nhập câu hỏi của người dân.").max(1000, "Câu hỏi tối đa 1.000 ký tự."),
  unitId: z.string().min(1).max(100).nullable().optional(),
  /** "follow": the message a new follower gets. */
  event: z.enum(["text", "follow"]).optional(),
});
export type ChatbotTryBody = z.infer<typeof ChatbotTryBody>;

export const ChatbotButton = z.union([
  z.object({ title: z.string(), url: z.string() }),
  z.object({ title: z.string(), query: z.string() }),
]);
export type ChatbotButton = z.infer<typeof ChatbotButton>;

/** What the chatbot understood of the message (shared/chatbot/understand.ts). */
export const ChatbotUnderstood = z.object({
  intent: z.string().optional(),
  procedureCode: z.string().optional(),
  unitCode: z.string().optional(),
  dossierCode: z.string().optional(),
  otherProcedure: z.string().optional(),
  formerUnitId: z.string().optional(),
  askedDay: z.unknown().optional(),
  asksWhere: z.literal(true).optional(),
  officerComplaint: z.literal(true).optional(),
});
export type ChatbotUnderstood = z.infer<typeof ChatbotUnderstood>;

export const ChatbotTryReply = z.object({
  intent: z.string(),
  understood: ChatbotUnderstood,
  reply: z.object({
    text: z.string(),
    buttons: z.array(ChatbotButton),
    needsHuman: z.literal(true).optional(),
    recordsFeedback: z.string().optional(),
  }),
});
export type ChatbotTryReply = z.infer<typeof ChatbotTryReply>;
