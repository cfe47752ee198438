/** The console's contract for notifications: whether anything can be sent, the dead letters and their re-drive. */
import { z } from "zod";

export const SendingReply = z.object({
  connected: z.boolean(),
  title: z.string(),
  detail: z.string(),
  configure: z.array(z.string()),
});
export type SendingReply = z.infer<typeof SendingReply>;

export const DeliveryAttemptView = z.object({
  kind: z.string().optional(),
  kindLabel: z.string().optional(),
  channel: z.string(),
  channelLabel: z.string(),
  attempt: z.number(),
  status: z.string(),
  statusLabel: z.string(),
  errorCode: z.string().nullable(),
  errorLabel: z.string().nullable(),
  at: z.string(),
});
export type DeliveryAttemptView = z.infer<typeof DeliveryAttemptView>;

export const DeadLetterView = z.object({
  outboxId: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  dossierId: z.string().nullable(),
  dossierCode: z.string().nullable(),
  unitName: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  lastErrorLabel: z.string().nullable(),
  createdAt: z.string(),
  deadAt: z.string(),
  deliveries: z.array(DeliveryAttemptView),
});
export type DeadLetterView = z.infer<typeof DeadLetterView>;

export const DeadLettersReply = z.object({ canRedrive: z.boolean(), items: z.array(DeadLetterView) });
export type DeadLettersReply = z.infer<typeof DeadLettersReply>;

export const RedriveParams = z.object({ outboxId: z.string() });
export const RedriveReply = z.object({ outboxId: z.string(), status: z.literal("pending") });
export type RedriveReply = z.infer<typeof RedriveReply>;
