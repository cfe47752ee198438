/**
 * What the counter sends when it saves, receives, refuses or asks to supplement a dossier, and the checks shared by
 * those outcomes: the procedure version in force at the officer's unit, the form, the documents checklist, the case
 * flags and the live track decision.
 */
import type { IntakeInput } from "../../../shared/console/intake.js";
import type { AdminUnit } from "../../../shared/model.js";
import type { CaseFlag, ProcedureVersion, RequiredDocument } from "../../../shared/procedures/procedure-version.js";
import type { TrackDecision } from "../../../shared/scheme/decide-track.js";
import {
  keepSameDayDuringPause,
  pausedIntakeSentence,
  type IntakeStateResult,
} from "../../../shared/scheme/intake-state.js";
import { formatDateVn } from "../../../shared/time/vn-time.js";
import { fail, type Failure } from "../../../shared/outcomes.js";
import type { Officer } from "../../../shared/officers/officer.js";
import type { Deps } from "../deps.js";
import type { MissingDocument, SubmittedDocument } from "../store/dossiers.js";
import { nowOf, unitOf, versionForUnit, type Now } from "./console-context.js";
import { checkForm } from "./form-check.js";

export { IntakeDocument, IntakeInput, MissingDocumentInput } from "../../../shared/console/intake.js";

export interface IntakeContext {
  now: Now;
  unit: AdminUnit;
  version: ProcedureVersion;
  flags: CaseFlag[];
  decision: TrackDecision;
  documents: SubmittedDocument[];
  /** Scheme day, counter paused now (before opening or over a break): when it resumes and what citizens are told. */
  pause?: { resumesAt: string; sentence: string };
  /** The officer kept the same-day track during a pause, with this reason. */
  keptSameDayReason?: string;
}

export type Checked<T> = { ok: true; value: T } | Failure;

/** The unit, version, flags, documents and track decision for an intake at this moment. */
export function intakeContext(deps: Deps, officer: Officer, input: IntakeInput): Checked<IntakeContext> {
  const now = nowOf(deps);
  const unit = unitOf(deps, officer.unitId);
  if (!unit) return fail("unit_unknown");
  const version = versionForUnit(deps, unit, input.procedureCode, now.date);
  if (!version) return fail("procedure_not_received_today");
  const known = new Map(version.caseFlags.map((f) => [f.id, f]));
  const flags: CaseFlag[] = [];
  for (const id of new Set(input.caseFlags)) {
    const f = known.get(id);
    if (!f)
      return fail("invalid_body", {
        fields: [{ path: "caseFlags", message: `Tình huống "${id}" không có trong thủ tục ${version.code}` }],
      });
    flags.push(f);
  }
  const decision = deps.domain.scheme.decideTrack({
    unitCode: unit.code,
    procedureCode: version.code,
    at: now.vnIso,
    flags: flags.map((f) => f.id),
  });
  if (!decision.ok) return fail("procedure_not_received_today", { message: decision.error });
  const documents = checklist(version.requiredDocuments, input.documents);
  const pause = pauseAt(deps, unit.code, now.vnIso);
  if (input.keepSameDayReason === undefined)
    return {
      ok: true,
      value: { now, unit, version, flags, decision, documents, ...(pause ? { pause: pause.info } : {}) },
    };
  const kept = pause && keepSameDayDuringPause(decision, pause.state, input.keepSameDayReason, formatDateVn(now.date));
  if (!kept) {
    return fail("invalid_body", {
      fields: [
        {
          path: "keepSameDayReason",
          message: "Chỉ giữ trả trong ngày khi tiếp nhận trong giờ nghỉ của Ngày không hẹn, trước giờ hết nhận hồ sơ.",
        },
      ],
    });
  }
  return {
    ok: true,
    value: {
      now,
      unit,
      version,
      flags,
      decision: kept,
      documents,
      pause: pause.info,
      keptSameDayReason: input.keepSameDayReason,
    },
  };
}

/** The scheme day's pause at this moment, if the counter is paused (shared/scheme/intake-state.ts). */
function pauseAt(
  deps: Deps,
  unitCode: string,
  at: string,
): { state: IntakeStateResult; info: { resumesAt: string; sentence: string } } | undefined {
  const s = deps.domain.scheme.schemeStatusAt(unitCode, at);
  if (!s.ok || s.intakeState !== "paused" || !s.resumesAt || !s.intakeCutoff) return undefined;
  const state: IntakeStateResult = {
    state: "paused",
    resumesAt: s.resumesAt,
    ...(s.pauseKind ? { pauseKind: s.pauseKind } : {}),
  };
  return {
    state,
    info: {
      resumesAt: s.resumesAt,
      sentence: pausedIntakeSentence({ resumesAt: s.resumesAt, pauseKind: s.pauseKind, intakeCutoff: s.intakeCutoff }),
    },
  };
}

/** The procedure's documents with what the officer ticked; unknown ids are ignored. */
export function checklist(required: readonly RequiredDocument[], given: IntakeInput["documents"]): SubmittedDocument[] {
  const byId = new Map(given.map((g) => [g.id, g]));
  return required.map((r) => {
    const g = byId.get(r.id);
    return {
      id: r.id,
      name: r.name,
      kind: g?.kind ?? r.kind,
      count: g?.count ?? r.count,
      received: g?.received ?? false,
    };
  });
}

/** Required-always documents not ticked: Mẫu 02 must list them, receive must refuse them. */
export function missingAlways(version: ProcedureVersion, documents: readonly SubmittedDocument[]): RequiredDocument[] {
  const got = new Set(documents.filter((d) => d.received && d.count > 0).map((d) => d.id));
  return version.requiredDocuments.filter((r) => r.always && !got.has(r.id));
}

/** Case flags that call for a refusal (their guidance names Mẫu 03). */
export function refusalFlags(flags: readonly CaseFlag[]): CaseFlag[] {
  return flags.filter((f) => f.note.includes("Mẫu 03"));
}

/** The form in full ("submit") or as a draft (missing values allowed, wrong ones refused). */
export function checkFormData(
  deps: Deps,
  version: ProcedureVersion,
  data: Record<string, unknown>,
  mode: "draft" | "submit",
): Checked<Record<string, unknown>> {
  const schema = deps.domain.formSchema(version.id);
  if (!schema) return fail("procedure_not_received_today");
  const r = checkForm(schema, data, mode);
  if (!r.ok) return fail(r.code === "form_incomplete" ? "form_incomplete" : "invalid_body", { fields: r.fields });
  return { ok: true, value: r.data };
}

export type { MissingDocument };
