/**
 * The citizen's status timeline: the ordinary path received → processing → approved → result ready →
 * returned, with the current state marked, and the side roads (supplement requested, refused, rejected,
 * withdrawn) told in words. Labels come from the shared lifecycle wording.
 */
import type { DossierState } from "../../../../shared/data/lifecycle.js";
import { STATE_LABELS_VI, citizenStatusText } from "../../../../shared/dossier/lifecycle-labels.js";

export type StepMark = "done" | "current" | "todo";

export interface TimelineStep {
  key: string;
  label: string;
  mark: StepMark;
}

const PATH: { key: string; label: string; states: DossierState[] }[] = [
  { key: "received", label: "Đã tiếp nhận", states: ["received"] },
  { key: "processing", label: "Đang giải quyết", states: ["processing", "awaiting_supplement", "awaiting_approval"] },
  { key: "approved", label: "Đã duyệt", states: ["approved", "rejected"] },
  { key: "result_ready", label: "Đã có kết quả", states: ["result_ready"] },
  { key: "returned", label: "Đã trả kết quả", states: ["returned"] },
];

/** States that leave the ordinary path, with the sentence the citizen needs. */
const SIDE_ROADS: Partial<Record<DossierState, "warning" | "error">> = {
  awaiting_supplement: "warning",
  rejected: "error",
  refused: "error",
  withdrawn: "error",
};

export function isKnownState(state: string): state is DossierState {
  return Object.hasOwn(STATE_LABELS_VI, state);
}

export function timeline(state: string): TimelineStep[] {
  const at = PATH.findIndex((p) => (p.states as string[]).includes(state));
  return PATH.map((p, i) => ({
    key: p.key,
    label: i === at && isKnownState(state) && state !== p.key ? STATE_LABELS_VI[state] : p.label,
    mark: at < 0 ? "todo" : i < at ? "done" : i === at ? (state === "returned" ? "done" : "current") : "todo",
  }));
}

/** The plain sentence under the state's label, without repeating the label ("Đã có kết quả. Mời…" → "Mời…"). */
export function statusSentence(
  state: string,
  label = "",
): { tone: "info" | "success" | "warning" | "error"; text: string } {
  const full = isKnownState(state) ? citizenStatusText(state) : citizenStatusText("unknown" as DossierState);
  const text = label && full.startsWith(`${label}. `) ? full.slice(label.length + 2) : full;
  const side = isKnownState(state) ? SIDE_ROADS[state] : undefined;
  if (side) return { tone: side, text };
  return { tone: state === "result_ready" || state === "returned" ? "success" : "info", text };
}
