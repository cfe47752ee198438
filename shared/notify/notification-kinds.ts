/**
 * What an outbox row announces. The applicant-facing kinds come from the lifecycle's `notify` column
 * (shared/data/lifecycle.ts); `feedback_answer` answers a citizen's feedback; `leader_alert` reminds the
 * approving leader of same-day dossiers still waiting (issue 4, step 3).
 */
import { z } from "zod";
import type { NotificationKind } from "../data/lifecycle.js";

export const NOTIFY_KINDS = [
  "receipt_issued",
  "supplement_requested",
  "result_ready",
  "late_apology",
  "returned",
  "refused",
  "feedback_answer",
  "leader_alert",
] as const satisfies readonly (NotificationKind | "feedback_answer" | "leader_alert")[];
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clock = z.string().regex(/^\d{2}:\d{2}$/);

/**
 * The outbox payload as the counter writes it (use-cases/console-context.ts notificationPayload, leader-alert.ts):
 * a snapshot of the event, preferred over the dossier row so every retry renders the very same text. Every field
 * is optional (null = deliberately absent, e.g. no code before receipt); nothing personal belongs here.
 */
export const outboxPayloadSchema = z
  .object({
    dossierId: z.string(),
    dossierCode: z.string(),
    procedureCode: z.string(),
    procedureName: z.string(),
    state: z.string(),
    track: z.enum(["same-day", "normal"]),
    dueDate: isoDate,
    /** late_apology: the date that was missed (dueDate then holds the new one). */
    previousDueDate: isoDate,
    newDueDate: isoDate,
    unitId: z.string(),
    unitName: z.string(),
    missingDocuments: z.array(z.string()),
    /** leader_alert: who to alert (one row per leader) and what is waiting until when. */
    recipientUserId: z.string(),
    waitingCount: z.number().int().nonnegative(),
    dossierCodes: z.array(z.string()),
    officeEnd: clock,
    /** feedback_answer: the feedback answered; its author is the recipient when no dossier names the applicant. */
    feedbackId: z.string(),
  })
  .partial()
  .loose();
/** `codeWithheld`: the counter wrote dossierCode null (no code is shown before receipt or after a refusal). */
export type OutboxPayload = z.infer<typeof outboxPayloadSchema> & { codeWithheld?: boolean };

/** A payload that fails to parse still notifies from the dossier row: unknown shapes degrade, never crash. */
export function parseOutboxPayload(json: string): OutboxPayload {
  try {
    const raw: unknown = JSON.parse(json);
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
    // Field by field: one malformed value must not hide the others; null means "not given".
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(outboxPayloadSchema.shape)) {
      const value = (raw as Record<string, unknown>)[key];
      if (value === null || value === undefined) continue;
      const r = field.safeParse(value);
      if (r.success && r.data !== undefined) out[key] = r.data;
    }
    if ((raw as Record<string, unknown>).dossierCode === null) out.codeWithheld = true;
    return out as OutboxPayload;
  } catch {
    return {};
  }
}

export function isNotifyKind(s: string): s is NotifyKind {
  return (NOTIFY_KINDS as readonly string[]).includes(s);
}
