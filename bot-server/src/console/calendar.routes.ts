/**
 * /console/api/admin/calendar: the working-day calendar administered by the province (use-cases/calendar-admin.ts),
 * as route-table rows (http/route-table.ts) with the schemas of shared/console/calendar.ts (docs/admin/calendar.md).
 */
import {
  CalendarDayBody,
  CalendarDayParams,
  CalendarDayReply,
  CalendarDraftReply,
  CalendarNoticeBody,
  CalendarYearParams,
  CalendarYearReply,
} from "../../../shared/console/calendar.js";
import { route, noStore, type AnyRoute } from "../http/route-table.js";
import {
  calendarDraft,
  clearCalendarDay,
  readCalendarYear,
  saveCalendarNotice,
  setCalendarDay,
} from "../use-cases/calendar-admin.js";

const TAG = "Calendar";

export function consoleCalendarRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/years/:year",
      tag: TAG,
      auth: "officer",
      may: "admin.province",
      summary: "A year of the working-day calendar: its notice, days off and make-up days, the administrator's days",
      params: CalendarYearParams,
      response: { status: 200, schema: CalendarYearReply, description: "The year in force" },
      errors: ["forbidden", "invalid_params"],
      handler: async ({ params }, deps) => noStore(await readCalendarYear(deps, params.year)),
    }),
    route({
      method: "get",
      path: "/years/:year/draft",
      tag: TAG,
      auth: "officer",
      may: "admin.province",
      summary: "The lunar-calendar draft of a year's days off (Labour Code Art. 112), to review against the notice",
      params: CalendarYearParams,
      response: { status: 200, schema: CalendarDraftReply, description: "The draft (nothing is saved)" },
      errors: ["forbidden", "invalid_params"],
      handler: ({ params }) => calendarDraft(params.year),
    }),
    route({
      method: "put",
      path: "/years/:year",
      tag: TAG,
      auth: "officer",
      may: "admin.province",
      summary: "Enter the year's notice (number, date, issuer) with its days off, swaps and make-up working days",
      description:
        "Replaces the shipped or proposed days of that year; single days declared with PUT /admin/calendar/:date still apply after it. Audited; public answers follow at once.",
      params: CalendarYearParams,
      body: CalendarNoticeBody,
      response: { status: 200, schema: CalendarYearReply, description: "The year as now in force" },
      errors: ["forbidden", "invalid_params", "invalid_body"],
      handler: ({ officer, params, body }, deps) => saveCalendarNotice(deps, officer, params.year, body),
    }),
    route({
      method: "put",
      path: "/:date",
      tag: TAG,
      auth: "officer",
      may: "admin.province",
      summary: "Declare a day off (working false) or a make-up working day (working true) with its label",
      description:
        "Refused for a past day, for working true on a day that already works (an ordinary weekday) and for working false on a day already off (a Sunday). Audited; public answers follow at once.",
      params: CalendarDayParams,
      body: CalendarDayBody,
      response: { status: 200, schema: CalendarDayReply, description: "The day as now in force" },
      errors: ["forbidden", "invalid_params", "invalid_body"],
      handler: ({ officer, params, body }, deps) => setCalendarDay(deps, officer, params.date, body),
    }),
    route({
      method: "delete",
      path: "/:date",
      tag: TAG,
      auth: "officer",
      may: "admin.province",
      summary: "Return a day to the rule (remove the administrator's entry for it)",
      params: CalendarDayParams,
      response: { status: 200, schema: CalendarDayReply, description: "The day as now in force" },
      errors: ["forbidden", "invalid_params", "not_found"],
      handler: ({ officer, params }, deps) => clearCalendarDay(deps, officer, params.date),
    }),
  ];
}
