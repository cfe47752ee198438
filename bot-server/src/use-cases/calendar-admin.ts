/**
 * The province administrator's working-day calendar (docs/admin/calendar.md): declare a single day off or a make-up
 * working day, return it to the rule, enter a year's notice from the lunar-calendar draft. Every change is audited
 * and reloads the domain at once (catalogChanged), so the public scheme answer for the date follows; a received
 * dossier keeps the due date stored at its receipt.
 */
import {
  emptyAdminYear,
  isWeekendDate,
  noticeSource,
  type AdminCalendarYear,
} from "../../../shared/calendar/admin-calendar.js";
import type { CalendarEntry, CalendarEntryKind } from "../../../shared/calendar/calendar-data.js";
import { createCalendar } from "../../../shared/calendar/calendar.js";
import { proposeHolidays } from "../../../shared/calendar/lunar-fallback.js";
import {
  CALENDAR_KIND_LABELS,
  type CalendarDayBody,
  type CalendarDayReply,
  type CalendarDraftReply,
  type CalendarNoticeBody,
  type CalendarYearReply,
} from "../../../shared/console/calendar.js";
import type { IsoDate } from "../../../shared/model.js";
import type { Officer } from "../../../shared/officers/officer.js";
import { fail, type Outcome } from "../../../shared/outcomes.js";
import { WEEKDAY_NAMES_VI, formatDateVn, weekdayOf } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import { calendarDataFrom } from "../domain.js";
import { writeAudit } from "../store/audit.js";
import { findAdminCalendarYear, saveAdminCalendarYear } from "../store/calendar-admin.js";
import { loadDocuments } from "../store/catalog.js";
import { catalogChanged } from "./catalog-changed.js";
import { nowOf } from "./console-context.js";

const DRAFT_SOURCE =
  "Bộ luật Lao động 2019, Điều 112 và lịch âm Việt Nam (UTC+7): lịch dự kiến, cần đối chiếu thông báo";

const dayName = (date: IsoDate): string => `${WEEKDAY_NAMES_VI[weekdayOf(date)]} ${formatDateVn(date)}`;

export function calendarYearView(deps: Deps, year: number, doc: AdminCalendarYear | undefined): CalendarYearReply {
  const view = deps.domain.calendar.yearEntries(year);
  const adminDays = new Set((doc?.days ?? []).map((d) => d.date));
  const dayCount = doc?.days.length ?? 0;
  const entries = view.entries.map((e, i) => ({
    from: e.from,
    to: e.to ?? null,
    kind: e.kind,
    kindLabel: CALENDAR_KIND_LABELS[e.kind],
    working: e.kind === "makeup_working",
    reason: e.reason,
    source: e.source,
    provisional: view.provisional || e.provisional === true,
    // The administrator's single days are the last entries of the year (admin-calendar.ts).
    adminDay: i >= view.entries.length - dayCount && adminDays.has(e.from),
  }));
  return {
    year,
    provisional: view.provisional,
    fromLunarCalendar: view.fromLunarCalendar,
    notice: doc?.notice ?? null,
    entries,
    days: doc?.days ?? [],
    updatedAt: doc?.updatedAt ?? null,
    updatedBy: doc?.updatedBy ?? null,
  };
}

export async function readCalendarYear(deps: Deps, year: number): Promise<Outcome<CalendarYearReply>> {
  return { ok: true, value: calendarYearView(deps, year, await findAdminCalendarYear(deps.db, year)) };
}

/** The lunar-calendar proposal of a year, for the administrator to correct against the notice before saving. */
export function calendarDraft(year: number): Outcome<CalendarDraftReply> {
  const entries = proposeHolidays(year).entries.map((e) => ({
    from: e.from,
    to: e.to ?? null,
    kind: e.kind,
    reason: e.reason,
  }));
  return { ok: true, value: { year, entries, source: DRAFT_SOURCE } };
}

/** Whether the day works by the rule alone (shipped or notice days, weekends), without the administrator's own entry. */
async function workingByRule(deps: Deps, date: IsoDate): Promise<boolean> {
  const docs = await loadDocuments<never>(deps.db, "calendar_year");
  return createCalendar(calendarDataFrom(docs, date)).isWorkingDay(date);
}

function dayReply(deps: Deps, date: IsoDate): CalendarDayReply {
  const e = deps.domain.calendar.explainDay(date);
  return { date, working: e.working, text: e.text };
}

function notPast(deps: Deps, date: IsoDate): Outcome<void> {
  if (date >= nowOf(deps).date) return { ok: true, value: undefined };
  return fail("invalid_params", {
    fields: [{ path: "date", message: `${dayName(date)} đã qua, không sửa lịch của ngày đã qua.` }],
    detail: `${date} is in the past: past days of the calendar are not changed.`,
  });
}

export async function setCalendarDay(
  deps: Deps,
  officer: Officer,
  date: IsoDate,
  body: CalendarDayBody,
): Promise<Outcome<CalendarDayReply>> {
  const past = notPast(deps, date);
  if (!past.ok) return past;
  if ((await workingByRule(deps, date)) === body.working) {
    const weekend = isWeekendDate(date);
    const message = body.working
      ? `${dayName(date)} vốn là ngày làm việc; chỉ khai báo làm bù cho Thứ Bảy, Chủ nhật hoặc một ngày đang nghỉ.`
      : `${dayName(date)} vốn là ngày nghỉ${weekend ? " cuối tuần" : ""}; không cần khai báo nghỉ.`;
    return fail("invalid_body", {
      fields: [{ path: "working", message }],
      detail: body.working
        ? `${date} is already a working day: a make-up working day must be a day off by the rule (a weekend day).`
        : `${date} is already a day off${weekend ? " (weekend)" : ""}.`,
    });
  }
  const now = nowOf(deps).iso;
  const year = Number(date.slice(0, 4));
  await deps.db.transaction().execute(async (trx) => {
    const doc = (await findAdminCalendarYear(trx, year)) ?? emptyAdminYear(year, now, officer.username);
    const days = doc.days.filter((d) => d.date !== date);
    days.push({ date, working: body.working, label: body.label, by: officer.username, at: now });
    days.sort((a, b) => (a.date < b.date ? -1 : 1));
    await saveAdminCalendarYear(trx, { ...doc, days, updatedAt: now, updatedBy: officer.username });
    await writeAudit(trx, {
      at: now,
      actorKind: "officer",
      actorId: officer.id,
      action: "update",
      subjectKind: "calendar",
      subjectId: date,
      fields: ["working", "label"],
      reason: `${body.working ? "Khai báo ngày làm bù" : "Khai báo ngày nghỉ"}: ${body.label}`,
    });
  });
  await catalogChanged(deps, officer.username);
  return { ok: true, value: dayReply(deps, date) };
}

export async function clearCalendarDay(
  deps: Deps,
  officer: Officer,
  date: IsoDate,
): Promise<Outcome<CalendarDayReply>> {
  const year = Number(date.slice(0, 4));
  const doc = await findAdminCalendarYear(deps.db, year);
  if (!doc?.days.some((d) => d.date === date)) {
    return fail("not_found", {
      message: `${dayName(date)} chưa được khai báo riêng: ngày này đã theo lịch chung.`,
      detail: `No administrator's entry for ${date}: the day already follows the rule.`,
    });
  }
  const past = notPast(deps, date);
  if (!past.ok) return past;
  const now = nowOf(deps).iso;
  await deps.db.transaction().execute(async (trx) => {
    const fresh = (await findAdminCalendarYear(trx, year)) ?? doc;
    const days = fresh.days.filter((d) => d.date !== date);
    await saveAdminCalendarYear(trx, { ...fresh, days, updatedAt: now, updatedBy: officer.username });
    await writeAudit(trx, {
      at: now,
      actorKind: "officer",
      actorId: officer.id,
      action: "delete",
      subjectKind: "calendar",
      subjectId: date,
      fields: ["working", "label"],
      reason: "Trả ngày về lịch chung",
    });
  });
  await catalogChanged(deps, officer.username);
  return { ok: true, value: dayReply(deps, date) };
}

/** The notice's rows checked against its year and the weekdays; Vietnamese messages beside each field. */
function checkNoticeEntries(year: number, body: CalendarNoticeBody): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const y = String(year);
  if (body.notice.date.slice(0, 4) > y)
    issues.push({ path: "notice.date", message: `Văn bản phải ban hành trước hoặc trong năm ${year}.` });
  body.entries.forEach((e, i) => {
    const to = e.to ?? e.from;
    if (!e.from.startsWith(y)) issues.push({ path: `entries.${i}.from`, message: `Ngày phải thuộc năm ${year}.` });
    if (!to.startsWith(y)) issues.push({ path: `entries.${i}.to`, message: `Ngày phải thuộc năm ${year}.` });
    else if (to < e.from) issues.push({ path: `entries.${i}.to`, message: "Ngày kết thúc trước ngày bắt đầu." });
    if (e.kind === "makeup_working") {
      if (e.to && e.to !== e.from)
        issues.push({ path: `entries.${i}.to`, message: "Mỗi ngày làm bù ghi một dòng riêng." });
      if (!isWeekendDate(e.from))
        issues.push({
          path: `entries.${i}.from`,
          message: `${dayName(e.from)} vốn là ngày làm việc; ngày làm bù phải là Thứ Bảy hoặc Chủ nhật.`,
        });
    }
  });
  return issues;
}

export async function saveCalendarNotice(
  deps: Deps,
  officer: Officer,
  year: number,
  body: CalendarNoticeBody,
): Promise<Outcome<CalendarYearReply>> {
  const issues = checkNoticeEntries(year, body);
  if (issues.length > 0) {
    return fail("invalid_body", {
      fields: issues,
      detail: `The notice's days must fall in ${year}, end after they start, and make-up working days must be weekend days.`,
    });
  }
  const now = nowOf(deps).iso;
  const notice = { ...body.notice, by: officer.username, at: now };
  const source = noticeSource(body.notice);
  const entries: CalendarEntry[] = body.entries
    .map((e) => ({
      from: e.from,
      ...(e.to && e.to !== e.from ? { to: e.to } : {}),
      kind: e.kind as CalendarEntryKind,
      reason: e.reason,
      source,
      evidence: "V" as const,
    }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let saved: AdminCalendarYear | undefined;
  await deps.db.transaction().execute(async (trx) => {
    const doc = (await findAdminCalendarYear(trx, year)) ?? emptyAdminYear(year, now, officer.username);
    saved = { ...doc, notice, entries, updatedAt: now, updatedBy: officer.username };
    await saveAdminCalendarYear(trx, saved);
    await writeAudit(trx, {
      at: now,
      actorKind: "officer",
      actorId: officer.id,
      action: doc.notice ? "update" : "create",
      subjectKind: "calendar",
      subjectId: String(year),
      fields: ["notice", "entries"],
      reason: `Nhập thông báo nghỉ lễ năm ${year}: văn bản số ${body.notice.number} ngày ${formatDateVn(body.notice.date)} của ${body.notice.issuer}`,
    });
  });
  await catalogChanged(deps, officer.username);
  return { ok: true, value: calendarYearView(deps, year, saved) };
}
