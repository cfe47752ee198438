/**
 * Procedures as citizens see them: what a unit receives (and which are same-day on its scheme days), and the
 * version in force with its checklist, form, time limit, fee and legal basis; unverified facts are listed.
 */
import type { ProcedureDetail, ProcedureList } from "../../../shared/api/procedures.js";
import { documentKindLabels, type ProcedureVersion } from "../../../shared/procedures/procedure-version.js";
import { whereToSubmit } from "../../../shared/procedures/where-to-submit.js";
import { formatDateVn } from "../../../shared/time/vn-time.js";
import type { AdminUnit } from "../../../shared/model.js";
import type { Deps } from "../deps.js";
import { fail, type Failure } from "../../../shared/outcomes.js";
import type { Moment } from "./moment.js";
import { schemeStatus, trackFailure } from "./scheme-status.js";
import { unitRef } from "./unit-ref.js";

type Outcome<T> = { ok: true; value: T } | Failure;

export function listProcedures(deps: Deps, unitCode: string, moment: Moment): Outcome<ProcedureList> {
  const status = schemeStatus(deps, unitCode, moment);
  if (!status.ok) return status;
  const s = status.value;
  return {
    ok: true,
    value: {
      unit: s.unit,
      schemeDay: s.schemeDay,
      items: s.procedures.map((p) => {
        const v = deps.domain.catalog.versionById(p.versionId);
        return {
          code: p.code,
          name: p.name,
          sector: v?.sector.name ?? "",
          versionId: p.versionId,
          timeLimitWorkingDays: v?.timeLimit.timeLimitWorkingDays ?? 0,
          sameDayEligible: p.sameDayEligible,
          trackNow: p.track,
          dueDateNow: p.dueDate,
        };
      }),
    },
  };
}

const flagged = (f: { evidence: string; toVerify?: boolean | undefined }) =>
  f.toVerify === true || f.evidence === "U" || f.evidence === "?";

/** Labels of the facts of a version that still need checking ("cần kiểm tra"). */
function toVerifyList(v: ProcedureVersion): string[] {
  const list: string[] = [];
  if (flagged(v.sector)) list.push(`Lĩnh vực: ${v.sector.name}`);
  if (flagged(v.receivingBody)) list.push(`Nơi tiếp nhận: ${v.receivingBody.name}`);
  if (flagged(v.competentBody)) list.push(`Cơ quan giải quyết: ${v.competentBody.name}`);
  for (const b of v.legalBasis)
    if (flagged(b)) list.push(`Căn cứ pháp lý: ${b.title}${b.articles ? `, ${b.articles}` : ""}`);
  for (const d of v.requiredDocuments) if (flagged(d)) list.push(`Thành phần hồ sơ: ${d.name}`);
  if (flagged(v.form)) list.push(`Mẫu tờ khai: ${v.form.title}`);
  for (const f of v.form.fields)
    if (f.toVerify === true || f.evidence === "U" || f.evidence === "?") list.push(`Trường trên tờ khai: ${f.label}`);
  if (flagged(v.timeLimit)) list.push("Thời hạn giải quyết");
  if (flagged(v.result)) list.push(`Kết quả: ${v.result.name}`);
  for (const c of v.caseFlags) if (flagged(c)) list.push(`Trường hợp đặc biệt: ${c.label}`);
  return list;
}

export function procedureDetail(
  deps: Deps,
  code: string,
  unitCode: string | undefined,
  moment: Moment,
): Outcome<ProcedureDetail> {
  const date = moment.vn.date;
  const v = deps.domain.catalog.versionAt(code, date);
  if (!v) return fail("procedure_not_found");
  let unit: AdminUnit | undefined;
  let sameDay: ProcedureDetail["sameDay"] = null;
  let fee: ProcedureDetail["fee"] = null;
  if (unitCode !== undefined) {
    unit = deps.domain.units.findByCode(unitCode, date);
    if (!unit) return fail("unit_not_found");
    const decided = deps.domain.scheme.decideTrack({ unitCode, procedureCode: code, at: moment.at });
    if (!decided.ok) return trackFailure(decided);
    const plan = deps.domain.scheme.planAt(unit.id, date);
    // During a pause of a scheme day the track is the one the counter gives when it reopens (shared/scheme/intake-state.ts).
    const status = deps.domain.scheme.schemeStatusAt(unitCode, moment.at);
    const decision =
      (status.ok && status.intakeState === "paused" && status.procedures.find((p) => p.procedureCode === code)) ||
      decided;
    sameDay = {
      unit: unitRef(deps.domain.units, unit),
      // Listed, and decided here or by an office the plan has take part (not a land office absent from the commune).
      eligible:
        (plan?.eligible[unit.level] ?? []).some((e) => e.procedureCode === code) &&
        !decided.causes.includes("deciding_office_absent"),
      track: decision.track,
      dueDate: decision.dueDate,
      dueDateText: formatDateVn(decision.dueDate),
      reasons: decision.reasons,
    };
    const province = deps.domain.units.provinceOf(unit);
    if (province) {
      const q = deps.domain.catalog.feeFor(province.code, code, date);
      fee = {
        display: q.display,
        amountVnd: q.amountVnd,
        onlineAmountVnd: q.onlineAmountVnd,
        kind: q.entry?.kind ?? null,
        basis: q.entry?.basis ?? null,
        note: q.entry?.note ?? null,
        toVerify: q.toVerify,
      };
    }
  }
  const toVerify = toVerifyList(v);
  if (fee?.toVerify) toVerify.push("Phí, lệ phí");
  return {
    ok: true,
    value: {
      code: v.code,
      name: v.name,
      versionId: v.id,
      validFrom: v.validFrom,
      validTo: v.validTo ?? null,
      sector: { name: v.sector.name, toVerify: flagged(v.sector) },
      receivingBody: { name: v.receivingBody.name, toVerify: flagged(v.receivingBody) },
      competentBody: { name: v.competentBody.name, toVerify: flagged(v.competentBody) },
      where: whereToSubmit(v, unit),
      legalBasis: v.legalBasis.map((b) => ({ title: b.title, articles: b.articles ?? null, toVerify: flagged(b) })),
      requiredDocuments: v.requiredDocuments.map((d) => ({
        id: d.id,
        name: d.name,
        kind: d.kind,
        kindLabel: documentKindLabels[d.kind],
        count: d.count,
        always: d.always,
        condition: d.condition ?? null,
        toVerify: flagged(d),
      })),
      form: {
        formCode: v.form.formCode,
        title: v.form.title,
        legalSource: v.form.legalSource,
        toVerify: flagged(v.form),
        sections: v.form.sections,
        fields: v.form.fields as unknown as Record<string, unknown>[],
      },
      timeLimit: {
        workingDays: v.timeLimit.timeLimitWorkingDays,
        sameDayCutoff: v.timeLimit.sameDayCutoff ?? null,
        note: v.timeLimit.note ?? null,
        toVerify: flagged(v.timeLimit),
      },
      fee,
      result: { name: v.result.name, toVerify: flagged(v.result) },
      caseFlags: v.caseFlags.map((c) => ({
        id: c.id,
        label: c.label,
        excludesSameDay: c.excludesSameDay,
        excludesAssistedWriting: c.excludesAssistedWriting,
        note: c.note,
        toVerify: flagged(c),
      })),
      toVerify,
      sameDay,
    },
  };
}
