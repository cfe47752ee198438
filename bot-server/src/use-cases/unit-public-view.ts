/**
 * What the public page, the widget, the share card and the poster of a unit say, in citizen words: the unit and its
 * former names, today's status, the scheme weekday, hours and cut-off, the same-day procedures with what to bring,
 * and where to go. Facts still to be confirmed by the province are never labelled as such here: the citizen reads a
 * plain sentence ("hỏi lại Bộ phận Một cửa…") instead of an internal marker.
 */
import type { AdminUnit, IsoDate } from "../../../shared/model.js";
import { documentKindLabels, type RequiredDocument } from "../../../shared/procedures/procedure-version.js";
import { WEEKDAY_NAMES_VI, formatDateVn, vnMomentFromEpoch, weekdayOf } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import { miniAppUnitUrl, unitPageUrl, webAppUnitUrl } from "../outreach/unit-links.js";
import type { OfficeContact } from "../store/unit-contacts.js";
import { schemeStatus } from "./scheme-status.js";
import { unitOffice } from "./unit-office.js";

export type TodayTone = "open" | "closed" | "other" | "none";

export interface PublicProcedure {
  code: string;
  name: string;
  /** What to bring, one line per document. */
  documents: string[];
  result: string;
  /** The time limit outside the scheme (another day, or after the cut-off), as a sentence. */
  timeNote: string;
}

export interface UnitPublicView {
  code: string;
  /** "Xã Quảng Khê" */
  title: string;
  /** "xã Quảng Khê" */
  displayName: string;
  /** "tỉnh Lâm Đồng" */
  parentLine: string;
  /** "xã Quảng Khê, xã Đắk Plao (huyện Đăk Glong, tỉnh Đắk Nông)", with the date they were merged. */
  formerNames: { names: string; until: string }[];
  dateText: string;
  weekdayToday: string;
  today: { tone: TodayTone; headline: string; detail: string };
  /** The scheme at this unit; null when none applies today. */
  scheme: {
    /** "Thứ Tư hằng tuần" */
    days: string;
    /** "Thứ Tư" */
    weekdays: string;
    hours: string;
    cutoff: string;
    /** A sentence for a demo configuration; null for an official plan. */
    demoNote: string | null;
    nextDayText: string | null;
  } | null;
  procedures: PublicProcedure[];
  office: { place: string; address: string | null; phone: string | null };
  /** Some hours or places are not yet confirmed: the citizen is asked to check at the counter. */
  checkNote: string | null;
  links: { page: string; miniApp: string; webApp: string };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function weekdayList(days: readonly number[]): string {
  const names = days.map((d) => WEEKDAY_NAMES_VI[d] ?? "").filter(Boolean);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} và ${names[names.length - 1]}`;
}

function documentLine(d: RequiredDocument): string {
  const kind = documentKindLabels[d.kind].toLowerCase();
  const count = d.count > 1 ? `, ${String(d.count).padStart(2, "0")} bản` : "";
  const when = !d.always && d.condition ? ` (${d.condition.replace(/\.$/, "")})` : "";
  return `${d.name}${when}: ${kind}${count}`;
}

/** Former units merged into this one, grouped under their common parent, one line per merger date. */
function formerNames(deps: Deps, unit: AdminUnit): UnitPublicView["formerNames"] {
  const units = deps.domain.units;
  const byDate = new Map<string, AdminUnit[]>();
  for (const s of units.successionsTo(unit.id)) {
    const from = units.byId(s.fromId);
    if (!from || from.level !== unit.level) continue;
    byDate.set(s.effectiveDate, [...(byDate.get(s.effectiveDate) ?? []), from]);
  }
  return [...byDate.entries()].map(([date, list]) => {
    const parents = [
      ...new Set(list.map((u) => units.fullName(u).slice(units.displayName(u).length).replace(/^,\s*/, ""))),
    ];
    const names = list.map((u) => units.displayName(u)).join(", ");
    return {
      names:
        parents.length === 1 && parents[0] ? `${names} (${parents[0]})` : list.map((u) => units.fullName(u)).join("; "),
      until: formatDateVn(date),
    };
  });
}

/** The unit holding `code` today, or where a former unit's code now leads (its single successor). */
export function resolvePublicUnit(
  deps: Deps,
  code: string,
  date: IsoDate,
): { unit: AdminUnit } | { redirectTo: string } | undefined {
  if (!/^\d{1,5}$/.test(code)) return undefined;
  const units = deps.domain.units;
  const unit = units.findByCode(code, date);
  if (unit) return { unit };
  const former = units.units.filter((u) => u.code === code).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  if (!former) return undefined;
  const successors = units.successorsAt(former.id, date);
  return successors.length === 1 && successors[0] ? { redirectTo: successors[0].code } : undefined;
}

/** `entered`: the office contact the unit entered in the console (null when none). */
export function unitPublicView(
  deps: Deps,
  unit: AdminUnit,
  epochMs: number,
  entered: OfficeContact | null,
): UnitPublicView {
  const units = deps.domain.units;
  const moment = vnMomentFromEpoch(epochMs);
  const date = moment.date;
  const status = schemeStatus(deps, unit.code, { at: new Date(epochMs).toISOString(), vn: moment });
  const plan = deps.domain.scheme.planAt(unit.id, date);
  const displayName = units.displayName(unit);
  const s = status.ok ? status.value : undefined;

  const cutoff = plan?.intakeCutoff ?? "";
  const hours = (plan?.officeHours ?? []).map((h) => `${h.start}–${h.end}`).join(", ");
  const nextDayText = s?.nextSchemeDay
    ? `${WEEKDAY_NAMES_VI[weekdayOf(s.nextSchemeDay)]}, ${formatDateVn(s.nextSchemeDay)}`
    : null;
  const beforeCutoff = s !== undefined && s.time < cutoff;
  let today: UnitPublicView["today"];
  if (!plan || !s) {
    today = {
      tone: "none",
      headline: `${capitalize(displayName)} chưa áp dụng Ngày không hẹn.`,
      detail: "Hồ sơ được tiếp nhận và hẹn trả theo thời hạn thông thường.",
    };
  } else if (s.schemeDay && beforeCutoff) {
    today = {
      tone: "open",
      headline: `Hôm nay là Ngày không hẹn — nhận hồ sơ trả trong ngày đến ${cutoff}`,
      detail: `Nộp đủ hồ sơ trước ${cutoff} để nhận kết quả ngay trong ngày; cán bộ viết giúp tờ khai, người dân chỉ kiểm tra và ký.`,
    };
  } else if (s.schemeDay) {
    today = {
      tone: "closed",
      headline: `Hôm nay là Ngày không hẹn, nhưng đã qua ${cutoff}`,
      detail: `Hồ sơ nộp bây giờ được hẹn trả theo thời hạn thông thường.${nextDayText ? ` Ngày không hẹn tiếp theo: ${nextDayText}.` : ""}`,
    };
  } else {
    today = {
      tone: "other",
      headline: nextDayText ? `Ngày không hẹn tiếp theo: ${nextDayText}` : "Chưa có lịch Ngày không hẹn sắp tới",
      detail: `Hôm nay (${s.weekday}) hồ sơ được hẹn trả theo thời hạn thông thường. Vào Ngày không hẹn, hồ sơ đầy đủ nộp trước ${cutoff} được trả kết quả trong ngày.`,
    };
  }

  const eligibleCodes = new Set((plan?.eligible[unit.level] ?? []).map((p) => p.procedureCode));
  const procedures: PublicProcedure[] = [];
  for (const code of eligibleCodes) {
    const v = deps.domain.catalog.versionAt(code, date);
    if (!v || !v.receivingLevels.includes(unit.level)) continue;
    procedures.push({
      code: v.code,
      name: v.name,
      documents: v.requiredDocuments.map(documentLine),
      result: v.result.name,
      timeNote:
        v.timeLimit.timeLimitWorkingDays > 0
          ? `Ngày khác hoặc sau giờ nhận: hẹn trả trong ${v.timeLimit.timeLimitWorkingDays} ngày làm việc.`
          : `Theo quy định: ${v.timeLimit.note ?? "giải quyết trong ngày làm việc nhận hồ sơ hợp lệ."}`,
    });
  }

  const shipped = unitOffice(deps.domain, unit);
  const office = {
    place: shipped.place,
    address: entered?.address ?? shipped.address,
    phone: entered?.phone ?? shipped.phone,
  };
  const unconfirmed = (plan?.officeHoursToVerify ?? false) || (shipped.toVerify && !entered?.address);
  const checkNote = unconfirmed
    ? office.phone
      ? `Giờ làm việc và địa điểm có thể thay đổi; nên gọi ${office.phone} hoặc hỏi Bộ phận Một cửa trước khi đến.`
      : "Giờ làm việc và địa điểm có thể thay đổi; thông tin chính thức được niêm yết tại Bộ phận Một cửa."
    : null;

  const parent = units.parentOf(unit);
  return {
    code: unit.code,
    title: capitalize(displayName),
    displayName,
    parentLine: parent ? capitalize(units.fullName(parent)) : "",
    formerNames: formerNames(deps, unit),
    dateText: formatDateVn(date),
    weekdayToday: WEEKDAY_NAMES_VI[moment.weekday] ?? "",
    today,
    scheme: plan
      ? {
          days: `${weekdayList(plan.weekdays)} hằng tuần`,
          weekdays: weekdayList(plan.weekdays),
          hours,
          cutoff,
          demoNote:
            plan.status === "demo"
              ? "Lịch này là cấu hình minh họa của phần mềm, chưa phải quyết định chính thức của tỉnh."
              : null,
          nextDayText,
        }
      : null,
    procedures,
    office,
    checkNote,
    links: {
      page: unitPageUrl(deps.config, unit.code),
      miniApp: miniAppUnitUrl(deps.config, unit.code),
      webApp: webAppUnitUrl(deps.config, unit.code),
    },
  };
}
