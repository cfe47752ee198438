/** The console's dossier contract: the board, the work queues, the dossier page, its events and batch approval. */
import { z } from "zod";

export const DossierListItem = z.object({
  id: z.string(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  /** "Nguyễn Văn Thử" → "N. V. Thử": enough to call the citizen; full data is read (and audited) on the dossier page. */
  applicantShort: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  track: z.enum(["same-day", "normal"]),
  receivedAt: z.string(),
  dueDate: z.string(),
  flags: z.array(z.enum(["same_day_at_risk", "due_soon", "late"])),
});
export type DossierListItem = z.infer<typeof DossierListItem>;

export const LeaderAlertView = z.object({
  minutesBeforeEnd: z.number(),
  alertAt: z.string(),
  officeEnd: z.string(),
  pastAlertTime: z.boolean(),
  /** Same-day dossiers received today and not yet ready. */
  waiting: z.array(z.object({ id: z.string(), code: z.string(), state: z.string() })),
  active: z.boolean(),
});
export type LeaderAlertView = z.infer<typeof LeaderAlertView>;

export const BoardReply = z.object({
  date: z.string(),
  time: z.string(),
  weekdayName: z.string(),
  scheme: z
    .object({
      isSchemeDay: z.boolean(),
      intakeCutoff: z.string().optional(),
      minutesToCutoff: z.number().optional(),
      intakeOpen: z.boolean(),
      summary: z.string(),
      plan: z.object({ statusLabel: z.string(), status: z.string() }).optional(),
    })
    .nullable(),
  counts: z.record(z.string(), z.number()),
  sameDayWaiting: z.array(DossierListItem),
  dueSoon: z.array(DossierListItem),
  late: z.array(DossierListItem),
  alert: LeaderAlertView.nullable(),
});
export type BoardReply = z.infer<typeof BoardReply>;

export const QUEUE_NAMES = ["today", "drafts", "processing", "approval", "results", "open"] as const;
export const QueueParams = z.object({ queue: z.string().max(40) });
export const QueueReply = z.object({ queue: z.enum(QUEUE_NAMES), label: z.string(), items: z.array(DossierListItem) });
export type QueueReply = z.infer<typeof QueueReply>;

export const DossierParams = z.object({ id: z.string().max(100) });
export const DossierFormParams = z.object({ id: z.string().max(100), form: z.string().max(40) });

export const EventReply = z.object({
  state: z.string(),
  dueDate: z.string(),
  form: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type EventReply = z.infer<typeof EventReply>;

export const BatchBody = z.object({ ids: z.array(z.string().uuid()).min(1).max(100) });
export const BatchReply = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      code: z.string().optional(),
      message: z.string().optional(),
      dossierCode: z.string().optional(),
    }),
  ),
});
export type BatchReply = z.infer<typeof BatchReply>;

export const AlertReply = z.object({ alert: LeaderAlertView.nullable() });
export const AlertSettingBody = z.object({ minutesBeforeEnd: z.number().int().min(0).max(480) });
export const LeaderAwayBody = z.object({ away: z.boolean() });

const Delivery = z.object({
  kindLabel: z.string().optional(),
  channelLabel: z.string(),
  attempt: z.number(),
  statusLabel: z.string(),
  errorCode: z.string().nullable(),
  errorLabel: z.string().nullable(),
  at: z.string(),
});

/** The dossier page (the read of its personal fields is audited). */
export const DossierViewReply = z.object({
  dossier: z.object({
    id: z.string(),
    code: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    track: z.enum(["same-day", "normal"]),
    dueDate: z.string(),
    originalDueDate: z.string(),
    receivedAt: z.string(),
    applicantName: z.string(),
    trackReasons: z.array(z.string()),
    assistedWriting: z.boolean(),
    typedByName: z.string().nullable(),
    checkedByCitizen: z.boolean(),
    submittedDocuments: z.array(
      z.object({ id: z.string(), name: z.string(), kind: z.string(), count: z.number(), received: z.boolean() }),
    ),
    caseFlags: z.array(z.string()),
    returnedAt: z.string().nullable(),
    returnedTo: z.string().nullable(),
    resultReadyAt: z.string().nullable(),
    notifyStatus: z.string(),
    notifyStatusLabel: z.string(),
  }),
  procedureName: z.string(),
  form: z.array(z.object({ id: z.string(), label: z.string(), section: z.string(), value: z.unknown() })),
  timeline: z.array(
    z.object({
      seq: z.number(),
      type: z.string(),
      label: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      actor: z.string(),
      role: z.string(),
      at: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  actions: z.array(z.object({ event: z.string(), label: z.string() })),
  forms: z.array(z.string()),
  statusUrl: z.string().nullable(),
  notifications: z.array(z.object({ kind: z.string(), status: z.string(), createdAt: z.string() })),
  deliveries: z.array(Delivery),
  viewedBy: z.array(z.object({ actor: z.string(), action: z.string(), at: z.string(), reason: z.string() })),
  sameVisit: z.array(DossierListItem),
});
export type DossierViewReply = z.infer<typeof DossierViewReply>;
