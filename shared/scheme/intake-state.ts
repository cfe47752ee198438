/**
 * Where the same-day intake of a unit stands at one moment of the day, as a citizen or an officer needs to hear it:
 * open now, paused (before opening or over a break on a scheme day, with the time it resumes), closed (past the
 * cutoff or after hours), or not a scheme day. The cutoff comparison itself stays with the caller (`intakeOpen`);
 * this module only looks at the office hours.
 */
import type { ClockTime } from "../model.js";
import { formatClock } from "../time/vn-time.js";
import type { TrackDecision } from "./make-decide-track.js";

export type IntakeState = "open" | "paused" | "closed" | "not-scheme-day";
/** Why intake is paused: before the first office period, or between two of them. */
export type PauseKind = "before-opening" | "break";

export interface IntakeStateInput {
  isSchemeDay: boolean;
  /** Same-day intake is open at this minute (office hours and before the cutoff), as the caller decided. */
  intakeOpen: boolean;
  /** Office periods as [start, end) pairs in minutes since midnight. */
  officeMinutes: readonly number[];
  cutoffMinutes: number;
  /** Minutes since midnight, Việt Nam time. */
  minutes: number;
}

export interface IntakeStateResult {
  state: IntakeState;
  /** "paused" only: when the counter opens again. */
  resumesAt?: ClockTime;
  pauseKind?: PauseKind;
}

/** The next office period that starts after `minutes` and before the cutoff, with whether an earlier one exists. */
function nextOpening(
  officeMinutes: readonly number[],
  cutoffMinutes: number,
  minutes: number,
): { start: number; first: boolean } | undefined {
  let first = true;
  for (let i = 0; i < officeMinutes.length; i += 2) {
    const start = officeMinutes[i]!;
    if (start > minutes && start < cutoffMinutes) return { start, first };
    if (start <= minutes) first = false;
  }
  return undefined;
}

export function intakeStateAt(input: IntakeStateInput): IntakeStateResult {
  if (!input.isSchemeDay) return { state: "not-scheme-day" };
  if (input.intakeOpen) return { state: "open" };
  const next = nextOpening(input.officeMinutes, input.cutoffMinutes, input.minutes);
  if (!next) return { state: "closed" };
  return { state: "paused", resumesAt: formatClock(next.start), pauseKind: next.first ? "before-opening" : "break" };
}

/**
 * The sentence said to a citizen during a pause, identical in the mini app, the chatbot and the console:
 * "Đang nghỉ trưa, tiếp nhận lại lúc 13:30 — vẫn kịp trả trong ngày nếu nộp trước 15:00".
 */
export function pausedIntakeSentence(p: { resumesAt: string; pauseKind?: PauseKind; intakeCutoff: string }): string {
  const head =
    p.pauseKind === "before-opening"
      ? `Chưa đến giờ làm việc, bắt đầu tiếp nhận lúc ${p.resumesAt}`
      : `Đang nghỉ trưa, tiếp nhận lại lúc ${p.resumesAt}`;
  return `${head} — vẫn kịp trả trong ngày nếu nộp trước ${p.intakeCutoff}`;
}

/**
 * An officer who does receive a complete dossier during a pause of a scheme day (before the cutoff) may keep the
 * same-day track, with a recorded reason. Only a decision whose sole cause is the pause can be kept; undefined
 * otherwise (the caller refuses the request).
 */
export function keepSameDayDuringPause(
  decision: TrackDecision,
  intake: IntakeStateResult,
  reason: string,
  dateText: string,
): TrackDecision | undefined {
  if (intake.state !== "paused" || decision.track !== "normal") return undefined;
  if (decision.causes.length !== 1 || decision.causes[0] !== "outside_office_hours") return undefined;
  const kept = decision.reasons.slice(0, -2);
  kept.push(
    `Tiếp nhận lúc ${decision.receivedTime}, trong giờ nghỉ của Ngày không hẹn: cán bộ giữ trả trong ngày (lý do: ${reason})`,
  );
  kept.push(`Giải quyết và trả kết quả trong ngày ${dateText}`);
  return {
    ...decision,
    track: "same-day",
    dueDate: decision.receivedDate,
    reasons: kept,
    causes: [],
    dueDateToVerify: false,
    dueDateExplanation: undefined,
  };
}
