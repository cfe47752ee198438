/**
 * One generic reader of the lifecycle table (shared/data/lifecycle.ts): whether an event may fire, where it leads,
 * which one-stop form it produces and whom to notify. Inputs may come from storage or HTTP as plain strings, so
 * unknown values are answered with an error, never a crash.
 */
import {
  DOSSIER_TRANSITIONS,
  STATE_TABLE,
  type DossierEvent,
  type DossierState,
  type DossierTrack,
  type NotificationKind,
  type Role,
  type TransitionRow,
} from "../data/lifecycle.js";
import type { OneStopFormCode } from "../data/one-stop-forms.js";
import { EVENT_LABELS_VI, ROLE_LABELS_VI, STATE_LABELS_VI } from "./lifecycle-labels.js";

export interface TransitionContext {
  role: Role;
  track: DossierTrack;
  /** Events already recorded for this dossier, to enforce once-only events. */
  history?: readonly DossierEvent[];
}

export type LifecycleErrorCode = "invalid_transition" | "forbidden_role" | "already_applied";

export type TransitionResult =
  | { ok: true; to: DossierState; form?: OneStopFormCode; notify?: NotificationKind; requires?: readonly string[] }
  | { ok: false; code: LifecycleErrorCode; message: string; messageEn: string };

export function applyEvent(
  state: DossierState,
  event: DossierEvent,
  { role, track, history = [] }: TransitionContext,
  table: readonly TransitionRow[] = DOSSIER_TRANSITIONS,
): TransitionResult {
  const row = findRow(state, event, track, table);
  if (!row) {
    return {
      ok: false,
      code: "invalid_transition",
      message: `Không thể \u201c${eventLabel(event)}\u201d khi hồ sơ đang ở trạng thái \u201c${stateLabel(state)}\u201d.`,
      messageEn: `Event "${String(event)}" is not allowed in state "${String(state)}" on the ${String(track)} track.`,
    };
  }
  if (!row.roles.includes(role)) {
    return {
      ok: false,
      code: "forbidden_role",
      message: `Vai trò \u201c${roleLabel(role)}\u201d không được thực hiện thao tác \u201c${eventLabel(event)}\u201d.`,
      messageEn: `Role "${String(role)}" may not fire "${event}".`,
    };
  }
  if (row.once && history.includes(event)) {
    return {
      ok: false,
      code: "already_applied",
      message: `Thao tác \u201c${eventLabel(event)}\u201d chỉ được thực hiện một lần cho mỗi hồ sơ.`,
      messageEn: `"${event}" may be applied only once per dossier.`,
    };
  }
  const form = row.formByTrack && Object.hasOwn(row.formByTrack, track) ? row.formByTrack[track] : row.form;
  return {
    ok: true,
    to: row.to === "unchanged" ? state : row.to,
    ...(form ? { form } : {}),
    ...(row.notify ? { notify: row.notify } : {}),
    ...(row.requires ? { requires: row.requires } : {}),
  };
}

/** The events this role may fire now, in table order: the console's buttons. */
export function availableEvents(
  state: DossierState,
  role: Role,
  track: DossierTrack,
  {
    history = [],
    table = DOSSIER_TRANSITIONS,
  }: { history?: readonly DossierEvent[]; table?: readonly TransitionRow[] } = {},
): DossierEvent[] {
  const events = table
    .filter((r) => r.from.includes(state) && onTrack(r, track) && r.roles.includes(role))
    .filter((r) => !(r.once && history.includes(r.event)))
    .map((r) => r.event);
  return [...new Set(events)];
}

export function isTerminalState(state: DossierState): boolean {
  return Object.hasOwn(STATE_TABLE, state) && STATE_TABLE[state].terminal;
}

function findRow(state: DossierState, event: DossierEvent, track: DossierTrack, table: readonly TransitionRow[]) {
  return table.find((r) => r.event === event && r.from.includes(state) && onTrack(r, track));
}

function onTrack(row: TransitionRow, track: DossierTrack): boolean {
  return row.tracks === undefined || row.tracks.includes(track);
}

function stateLabel(state: DossierState): string {
  return Object.hasOwn(STATE_LABELS_VI, state) ? STATE_LABELS_VI[state] : "không xác định";
}

function eventLabel(event: DossierEvent): string {
  return Object.hasOwn(EVENT_LABELS_VI, event) ? EVENT_LABELS_VI[event] : "thao tác không xác định";
}

function roleLabel(role: Role): string {
  return Object.hasOwn(ROLE_LABELS_VI, role) ? ROLE_LABELS_VI[role] : "không xác định";
}
