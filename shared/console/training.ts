/** The console's contract for a unit's training mode (docs/admin/training.md). */
import { z } from "zod";

export const TrainingParams = z.object({ unitId: z.string().min(1).max(100) });
export type TrainingParams = z.infer<typeof TrainingParams>;

const Reason = z
  .string({ error: "Ghi lý do (ví dụ: tập huấn cán bộ Một cửa năm 2026)." })
  .trim()
  .min(3, "Ghi lý do (ví dụ: tập huấn cán bộ Một cửa năm 2026).")
  .max(300, "Lý do tối đa 300 ký tự.")
  .transform((s) => s.normalize("NFC"));

export const TrainingSwitchBody = z.object({
  active: z.boolean({ error: "Chọn bật hoặc tắt chế độ diễn tập." }),
  reason: Reason,
});
export type TrainingSwitchBody = z.infer<typeof TrainingSwitchBody>;

export const TrainingResetBody = z.object({ reason: Reason });
export type TrainingResetBody = z.infer<typeof TrainingResetBody>;

/** What the console shows on every screen while the officer's unit trains (in the session reply). */
export const TrainingBanner = z.object({
  /** The scheme day the training clock shows (YYYY-MM-DD) and as read (dd/mm/yyyy). */
  day: z.string(),
  dayText: z.string(),
});
export type TrainingBanner = z.infer<typeof TrainingBanner>;

export const TrainingState = z.object({
  unitId: z.string(),
  unitName: z.string(),
  active: z.boolean(),
  day: z.string().nullable(),
  dayText: z.string().nullable(),
  /** The training clock now, "HH:mm dd/mm/yyyy" (Asia/Ho_Chi_Minh); null when off. */
  clock: z.string().nullable(),
  startedAt: z.string().nullable(),
  /** Training dossiers of the unit (kept until a reset). */
  dossiers: z.number().int(),
});
export type TrainingState = z.infer<typeof TrainingState>;

export const TrainingResetReply = TrainingState.extend({ deleted: z.number().int() });
export type TrainingResetReply = z.infer<typeof TrainingResetReply>;
