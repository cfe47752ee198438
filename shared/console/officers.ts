/** The console's session contract: who is signed in, the CSRF token and the idle timeout. */
import { z } from "zod";
import { TrainingBanner } from "./training.js";
import { ROLES } from "../data/lifecycle.js";

export const OfficerView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  delegateFor: z.string().nullable(),
  phone: z.string().nullable(),
});
export type OfficerView = z.infer<typeof OfficerView>;

export const IdleInfo = z.object({
  timeoutSeconds: z.number().int().describe("Idle timeout of a console session"),
  endsAt: z.string().describe("When this session ends without activity (ISO 8601)"),
});
export type IdleInfo = z.infer<typeof IdleInfo>;

export const SessionReply = z.object({
  officer: OfficerView.nullable(),
  csrfToken: z.string(),
  idle: IdleInfo.optional(),
  /** A one-time password (npm run users): to be changed before anything else. */
  mustChangePassword: z.boolean().optional(),
  /** The officer's unit is in training mode (docs/admin/training.md): "DIỄN TẬP" on every screen. */
  training: TrainingBanner.optional(),
});
export type SessionReply = z.infer<typeof SessionReply>;

export const LoginBody = z.object({ username: z.string().max(100), password: z.string().max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

export const PasswordBody = z.object({ current: z.string().max(200), next: z.string().max(200) });
export type PasswordBody = z.infer<typeof PasswordBody>;

export const IdleReply = z.object({ idle: IdleInfo });
export type IdleReply = z.infer<typeof IdleReply>;

export const DoneReply = z.object({ ok: z.literal(true) });
export type DoneReply = z.infer<typeof DoneReply>;
