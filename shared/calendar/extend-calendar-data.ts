/**
 * A province's own days (a local anniversary, a local swap) layered over a base calendar, so a province lists only
 * what differs. For a year the base does not list, the lunar-calendar proposal stands in as the base, so adding one
 * local row never drops the national holidays of that year.
 */
import type { CalendarData, CalendarYear } from "./calendar-data.js";
import { proposeHolidays } from "./lunar-fallback.js";

/** Extra entries come after the base ones of the same year, so on a shared day they decide. */
export function extendCalendarData(base: CalendarData, extra: CalendarData): CalendarData {
  const years: Record<string, CalendarYear> = { ...base.years };
  for (const [year, add] of Object.entries(extra.years)) {
    const own = base.years[year] ?? proposeHolidays(Number(year));
    years[year] = {
      provisional: own.provisional === true || add.provisional === true,
      entries: [...own.entries, ...add.entries],
    };
  }
  return { id: `${base.id}+${extra.id}`, name: extra.name, years };
}
