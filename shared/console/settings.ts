/** The unit's settings in the console: its workflow, and the sign-in alerts its administrator reads. */
import { z } from "zod";
import { UNIT_WORKFLOWS } from "../dossier/unit-workflow.js";

export const WorkflowBody = z.object({ workflow: z.enum(UNIT_WORKFLOWS, "Chọn một quy trình trong danh sách.") });
export const WorkflowReply = z.object({
  workflow: z.enum(UNIT_WORKFLOWS),
  options: z.array(z.object({ id: z.enum(UNIT_WORKFLOWS), label: z.string() })),
});
export type WorkflowReply = z.infer<typeof WorkflowReply>;

export const SignInAlertsReply = z.object({
  alerts: z.array(
    z.object({ at: z.string(), userId: z.string(), username: z.string(), displayName: z.string(), reason: z.string() }),
  ),
});
export type SignInAlertsReply = z.infer<typeof SignInAlertsReply>;
