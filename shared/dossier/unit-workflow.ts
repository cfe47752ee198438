/**
 * How a unit moves a received dossier to the leader. "three-step": the counter passes it to a processing officer,
 * who submits it for approval (Decree 61/2018/ND-CP one-stop flow as staffed in larger units). "counter-to-leader":
 * in a commune where one officer both receives and processes, the counter officer submits straight to the leader
 * (from "received" or "processing"). A unit setting, applied as a variant of the lifecycle table.
 */
import { DOSSIER_TRANSITIONS, type TransitionRow } from "../data/lifecycle.js";

export const UNIT_WORKFLOWS = ["three-step", "counter-to-leader"] as const;
export type UnitWorkflow = (typeof UNIT_WORKFLOWS)[number];

export const UNIT_WORKFLOW_LABELS: Record<UnitWorkflow, string> = {
  "three-step": "Ba bước: Một cửa chuyển giải quyết → cán bộ chuyên môn trình → lãnh đạo duyệt",
  "counter-to-leader": "Một cán bộ: cán bộ Một cửa vừa tiếp nhận vừa giải quyết, trình thẳng lãnh đạo duyệt",
};

const counterToLeader: readonly TransitionRow[] = DOSSIER_TRANSITIONS.map((row) =>
  row.event === "submit_for_approval"
    ? {
        ...row,
        from: [...new Set([...row.from, "received" as const])],
        roles: [...new Set([...row.roles, "counter_officer" as const])],
      }
    : row,
);

export function transitionsFor(workflow: UnitWorkflow): readonly TransitionRow[] {
  return workflow === "counter-to-leader" ? counterToLeader : DOSSIER_TRANSITIONS;
}
