/** The national civil-service calendar (shared/data/calendar-vn.ts) and functions bound to it, for callers without a province calendar. */
import type { IsoDate } from "../model.js";
import { VN_CIVIL_SERVICE_CALENDAR } from "../data/calendar-vn.js";
import { createCalendar, type Calendar, type DayExplanation } from "./calendar.js";

export const vnCalendar: Calendar = createCalendar(VN_CIVIL_SERVICE_CALENDAR);

export const isWorkingDay = (date: IsoDate): boolean => vnCalendar.isWorkingDay(date);
export const addWorkingDays = (date: IsoDate, n: number): IsoDate => vnCalendar.addWorkingDays(date, n);
export const explainDay = (date: IsoDate): DayExplanation => vnCalendar.explainDay(date);
