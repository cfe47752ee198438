/**
 * A new version of a scheme plan, entered by the province administrator: checked against the catalogue and the other
 * plans, then built as a plan document. The version in force ends the day before the new one starts, so decisions
 * already made (today's included) keep the plan they were made under (docs/domain/scheme.md#intake-outcomes-and-dossier-rules).
 * Pure: the caller passes today, the plans, the units and the catalogue.
 */
import type { IsoDate, UnitLevel } from "../model.js";
import type { ProcedureCatalog } from "../procedures/catalog.js";
import { addDays, clockMinutes, formatDateVn } from "../time/vn-time.js";
import type { UnitDirectory } from "../units/unit-directory.js";
import { checkSchemePlans, coveredUnitIds } from "./plan-index.js";
import type { EligibleProcedure, SchemePlan } from "./scheme-plan.js";

export interface PlanProcedureEntry {
  level: UnitLevel;
  procedureCode: string;
  excludedFlags?: string[];
  decidingOfficeTakesPart?: string | null;
}

export interface PlanVersionInput {
  validFrom: IsoDate;
  validTo?: IsoDate | null;
  weekdays: number[];
  officeHours: { start: string; end: string }[];
  intakeCutoff: string;
  procedures: PlanProcedureEntry[];
  document: { status: "official"; number: string; issuedOn: IsoDate; issuer: string } | { status: "demo" };
  label?: string;
  reason?: string;
}

/** A refusal beside a field: Vietnamese for the officer, English for API clients. */
export interface PlanFieldError {
  path: string;
  message: string;
  detail: string;
}

export interface PlanVersionContext {
  today: IsoDate;
  previous: SchemePlan;
  /** Every stored plan (the previous one included). */
  plans: readonly SchemePlan[];
  units: UnitDirectory;
  catalog: ProcedureCatalog;
  enteredBy: { username: string; at: string };
}

export type PlanVersionResult =
  { ok: true; plan: SchemePlan; previous: SchemePlan } | { ok: false; errors: PlanFieldError[] };

const LEVEL_WORDS: Record<UnitLevel, string> = { province: "tỉnh", district: "huyện", commune: "xã" };
const END = "9999-12-31";
const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }) => a.from <= b.to && b.from <= a.to;

/** The id of a new version: the plan's name without its date suffix, then the start date. */
export function versionIdOf(previousId: string, validFrom: IsoDate): string {
  return `${previousId.replace(/-v\d{4}-\d{2}-\d{2}$/, "")}-v${validFrom}`;
}

export function checkPlanVersion(input: PlanVersionInput, ctx: PlanVersionContext): PlanVersionResult {
  const errors: PlanFieldError[] = [];
  const err = (path: string, message: string, detail: string) => errors.push({ path, message, detail });
  const { previous } = ctx;

  // ---- dates: never before tomorrow, after the previous version's start, no overlap with other versions
  if (previous.validTo !== undefined && previous.validTo < ctx.today) {
    err(
      "validFrom",
      `Kế hoạch này đã hết hiệu lực từ ${formatDateVn(addDays(previous.validTo, 1))}; hãy tạo phiên bản mới từ kế hoạch đang áp dụng.`,
      "The plan has ended; start a new version from the plan in force.",
    );
  } else if (input.validFrom <= ctx.today) {
    err(
      "validFrom",
      `Ngày bắt đầu phải sau hôm nay (${formatDateVn(ctx.today)}): các quyết định đã có theo kế hoạch đang áp dụng không được thay đổi.`,
      "validFrom must be after today: decisions already made are never rewritten.",
    );
  } else if (input.validFrom <= previous.validFrom) {
    err(
      "validFrom",
      `Ngày bắt đầu phải sau ngày bắt đầu của phiên bản đang sửa (${formatDateVn(previous.validFrom)}).`,
      "validFrom must be after the start of the version it follows.",
    );
  }
  const validTo = input.validTo ?? undefined;
  if (validTo !== undefined && validTo < input.validFrom)
    err("validTo", "Ngày kết thúc phải từ ngày bắt đầu trở đi.", "validTo must not be before validFrom.");

  const newUnits = new Set(coveredUnitIds(previous, ctx.units));
  const period = { from: input.validFrom, to: validTo ?? END };
  if (errors.length === 0) {
    for (const other of ctx.plans) {
      if (other.id === previous.id) continue;
      if (!overlaps(period, { from: other.validFrom, to: other.validTo ?? END })) continue;
      if (!coveredUnitIds(other, ctx.units).some((id) => newUnits.has(id))) continue;
      err(
        "validFrom",
        `Trùng thời gian với kế hoạch "${other.label}" (từ ${formatDateVn(other.validFrom)}${other.validTo ? ` đến ${formatDateVn(other.validTo)}` : ""}) trên cùng đơn vị. Chọn ngày khác hoặc đặt ngày kết thúc trước ngày đó.`,
        `The version overlaps plan ${other.id} (${other.validFrom}–${other.validTo ?? "open"}) on the same units.`,
      );
      break;
    }
  }

  // ---- weekdays
  if (input.weekdays.length === 0)
    err("weekdays", "Chọn ít nhất một ngày trong tuần là Ngày không hẹn.", "Choose at least one weekday.");
  else if (new Set(input.weekdays).size !== input.weekdays.length)
    err("weekdays", "Mỗi ngày trong tuần chỉ chọn một lần.", "A weekday is listed twice.");

  // ---- office hours with breaks, and the cut-off inside them
  const hours = input.officeHours.map((h) => ({ start: clockMinutes(h.start), end: clockMinutes(h.end) }));
  if (hours.length === 0)
    err("officeHours", "Nhập ít nhất một khoảng giờ làm việc.", "Enter at least one office-hours interval.");
  hours.forEach((h, i) => {
    if (h.end <= h.start)
      err(`officeHours.${i}.end`, "Giờ kết thúc phải sau giờ bắt đầu.", "An interval must end after it starts.");
    else if (i > 0 && h.start < hours[i - 1]!.end)
      err(
        `officeHours.${i}.start`,
        "Các khoảng giờ làm việc phải theo thứ tự và không chồng lên nhau (giờ nghỉ trưa ở giữa).",
        "Office-hours intervals must be in order and must not overlap.",
      );
  });
  const cutoff = clockMinutes(input.intakeCutoff);
  if (hours.length > 0 && !hours.some((h) => cutoff >= h.start && cutoff <= h.end))
    err(
      "intakeCutoff",
      `Giờ tiếp nhận cuối ${input.intakeCutoff} nằm ngoài giờ làm việc (${input.officeHours.map((h) => `${h.start}–${h.end}`).join(", ")}).`,
      "The intake cut-off lies outside the office hours.",
    );

  // ---- procedures: at least one, known, received at the level, flags defined
  if (input.procedures.length === 0)
    err(
      "procedures",
      "Kế hoạch phải có ít nhất một thủ tục áp dụng Ngày không hẹn.",
      "A plan needs at least one eligible procedure.",
    );
  const seen = new Set<string>();
  const versionDay = input.validFrom;
  input.procedures.forEach((p, i) => {
    const path = `procedures.${i}.procedureCode`;
    const versions = ctx.catalog.versions.filter((v) => v.code === p.procedureCode);
    const version = ctx.catalog.versionAt(p.procedureCode, versionDay);
    if (versions.length === 0) {
      err(
        path,
        `Mã thủ tục ${p.procedureCode || "(trống)"} không có trong danh mục thủ tục.`,
        `Unknown procedure code ${p.procedureCode}.`,
      );
      return;
    }
    if (!version) {
      err(
        path,
        `Thủ tục ${p.procedureCode} không có phiên bản hiệu lực vào ngày ${formatDateVn(versionDay)}.`,
        `Procedure ${p.procedureCode} has no version in force on ${versionDay}.`,
      );
      return;
    }
    if (!version.receivingLevels.includes(p.level))
      err(
        path,
        `Thủ tục ${p.procedureCode} không tiếp nhận ở cấp ${LEVEL_WORDS[p.level]}.`,
        `Procedure ${p.procedureCode} is not received at ${p.level} level.`,
      );
    const key = `${p.level}:${p.procedureCode}`;
    if (seen.has(key))
      err(path, `Thủ tục ${p.procedureCode} đã có trong danh mục cấp này.`, "A procedure is listed twice.");
    seen.add(key);
    for (const flag of p.excludedFlags ?? [])
      if (!version.caseFlags.some((f) => f.id === flag))
        err(
          `procedures.${i}.excludedFlags`,
          `Trường hợp "${flag}" không có trong thủ tục ${p.procedureCode}.`,
          `Flag ${flag} is not defined on ${p.procedureCode}.`,
        );
  });

  if (errors.length > 0) return { ok: false, errors };

  const plan = buildVersion(input, ctx);
  const ended: SchemePlan = {
    ...previous,
    validTo: minDate(previous.validTo, addDays(input.validFrom, -1)),
  };
  // The catalogue's own check (units, versions in force over the whole period, flags): never store what would not load.
  const left = checkSchemePlans(
    ctx.plans.map((p) => (p.id === previous.id ? ended : p)).concat(plan),
    ctx.units,
    ctx.catalog,
  );
  if (left.length > 0)
    return {
      ok: false,
      errors: [
        {
          path: "validTo",
          message: `Kế hoạch chưa khớp danh mục thủ tục trong cả thời gian áp dụng (${left.join("; ")}). Đặt ngày kết thúc sớm hơn hoặc bỏ thủ tục đó.`,
          detail: `The plan does not fit the catalogue: ${left.join("; ")}`,
        },
      ],
    };
  return { ok: true, plan, previous: ended };
}

function minDate(a: IsoDate | undefined, b: IsoDate): IsoDate {
  return a !== undefined && a < b ? a : b;
}

function buildVersion(input: PlanVersionInput, ctx: PlanVersionContext): SchemePlan {
  const { previous } = ctx;
  const doc = input.document;
  const official = doc.status === "official";
  const source = official
    ? `Văn bản số ${doc.number} ngày ${formatDateVn(doc.issuedOn)} của ${doc.issuer}, nhập tại bảng điều khiển bởi ${ctx.enteredBy.username}`
    : "Cấu hình minh họa nhập tại bảng điều khiển, không phải quyết định chính thức";
  const eligible: SchemePlan["eligible"] = {};
  for (const p of input.procedures) {
    const entry: EligibleProcedure = { procedureCode: p.procedureCode };
    if (p.excludedFlags && p.excludedFlags.length > 0) entry.excludedFlags = [...p.excludedFlags];
    const takesPart = p.decidingOfficeTakesPart?.trim();
    if (takesPart)
      entry.decidingOfficeTakesPart = official
        ? { text: takesPart, source, evidence: "V" }
        : { text: takesPart, source, evidence: "?", toVerify: true };
    (eligible[p.level] ??= []).push(entry);
  }
  // The words of the plan without the demo's own markers ("Cấu hình minh họa: …", "(không phải quyết định chính thức)").
  const words = previous.label
    .replace(/^Cấu hình minh họa:\s*/, "")
    .replace(/\s*\(không phải quyết định chính thức\)$/, "")
    .replace(/^Kế hoạch [^:]+:\s*/, "");
  const label =
    input.label?.trim() ||
    (official ? `Kế hoạch ${doc.number}: ${words}` : `Cấu hình minh họa: ${words} (không phải quyết định chính thức)`);
  const plan: SchemePlan = {
    id: versionIdOf(previous.id, input.validFrom),
    issuer: official ? doc.issuer : "Khong Hen (cấu hình minh họa)",
    number: official ? doc.number : null,
    issuedOn: official ? doc.issuedOn : null,
    validFrom: input.validFrom,
    status: official ? "official" : "demo",
    label,
    coverage: previous.coverage,
    weekdays: [...input.weekdays].sort(),
    officeHours: input.officeHours.map((h) => ({ start: h.start, end: h.end })),
    // Office hours read from the entered document are the province's word; a demo's are to verify.
    officeHoursToVerify: !official,
    intakeCutoff: input.intakeCutoff,
    eligible,
    source,
    evidence: official ? "V" : "?",
    toVerify: !official,
    supersedes: previous.id,
    enteredBy: ctx.enteredBy,
  };
  if (input.validTo) plan.validTo = input.validTo;
  if (input.reason) plan.note = input.reason;
  return plan;
}
