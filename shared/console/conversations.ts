/** The console's contract for the conversations the chatbot handed over to an officer. */
import { z } from "zod";

export const WaitingConversation = z.object({
  /** An opaque reference: the OA user id never leaves the server whole. */
  id: z.string(),
  /** Masked OA user id ("71••••0801"). */
  oaUser: z.string(),
  waitingSince: z.string(),
  unitName: z.string().nullable(),
});
export type WaitingConversation = z.infer<typeof WaitingConversation>;

export const ConversationsReply = z.object({
  canHandle: z.boolean(),
  hint: z.string(),
  count: z.number(),
  items: z.array(WaitingConversation),
});
export type ConversationsReply = z.infer<typeof ConversationsReply>;

export const ConversationParams = z.object({ id: z.string() });
export const HandledReply = z.object({ id: z.string(), handled: z.literal(true) });
export type HandledReply = z.infer<typeof HandledReply>;
