/**
 * The console's contract for the working-day calendar (province administrator, docs/admin/calendar.md): a single
 * day declared off or working, and a year's notice entered from the lunar-calendar draft.
 */
import { z } from "zod";
import { CALENDAR_ENTRY_KINDS, type CalendarEntryKind } from "../calendar/calendar-data.js";
import { parseDay } from "../calendar/day-number.js";

/** Years the console edits: the lunar tables cover 1900–2199; nothing before the software's first plan. */
export const CALENDAR_MIN_YEAR = 2020;
export const CALENDAR_MAX_YEAR = 2199;

/** Vietnamese labels of the entry kinds (the console's choices). */
export const CALENDAR_KIND_LABELS: Readonly<Record<CalendarEntryKind, string>> = {
  holiday: "Nghỉ lễ",
  compensatory: "Nghỉ bù",
  swapped_off: "Nghỉ hoán đổi",
  tet_break: "Nghỉ Tết",
  makeup_working: "Làm bù",
};

const realDate = (s: string): boolean => {
  const n = parseDay(s);
  const y = Number(s.slice(0, 4));
  return n !== undefined && y >= CALENDAR_MIN_YEAR && y <= CALENDAR_MAX_YEAR;
};

export const CalendarDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Ngày phải theo dạng năm-tháng-ngày, ví dụ 2027-03-10." })
  .refine(realDate, {
    message: `Ngày không tồn tại hoặc ngoài các năm ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}.`,
  });

export const CalendarDayParams = z.object({ date: CalendarDate });

export const CalendarDayBody = z.object({
  working: z.boolean({ message: "Chọn ngày nghỉ (working: false) hoặc ngày làm bù (working: true)." }),
  label: z
    .string({ message: "Nhập tên ngày, ví dụ: Nghỉ lễ kỷ niệm ngày thành lập tỉnh." })
    .trim()
    .min(1, "Nhập tên ngày, ví dụ: Nghỉ lễ kỷ niệm ngày thành lập tỉnh.")
    .max(200, "Tên ngày tối đa 200 ký tự.")
    .transform((s) => s.normalize("NFC")),
});
export type CalendarDayBody = z.infer<typeof CalendarDayBody>;

export const CalendarYearParams = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, { message: "Năm gồm 4 chữ số, ví dụ 2027." })
    .transform(Number)
    .refine((y) => y >= CALENDAR_MIN_YEAR && y <= CALENDAR_MAX_YEAR, {
      message: `Năm phải từ ${CALENDAR_MIN_YEAR} đến ${CALENDAR_MAX_YEAR}.`,
    }),
});

const text = (what: string, max: number) =>
  z
    .string({ message: `Nhập ${what}.` })
    .trim()
    .min(1, `Nhập ${what}.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} tối đa ${max} ký tự.`)
    .transform((s) => s.normalize("NFC"));

export const NoticeEntryInput = z.object({
  from: CalendarDate,
  to: CalendarDate.nullish().transform((t) => t ?? null),
  kind: z.enum(CALENDAR_ENTRY_KINDS as [string, ...string[]], {
    message: "Chọn loại ngày: nghỉ lễ, nghỉ bù, nghỉ hoán đổi, nghỉ Tết hoặc làm bù.",
  }),
  reason: text("tên ngày nghỉ", 200),
});
export type NoticeEntryInput = z.infer<typeof NoticeEntryInput>;

export const CalendarNoticeBody = z.object({
  notice: z.object({
    number: text("số văn bản", 80),
    date: CalendarDate,
    issuer: text("cơ quan ban hành", 200),
    link: z
      .string()
      .trim()
      .max(500, "Đường dẫn tối đa 500 ký tự.")
      .nullish()
      .transform((s) => s || null),
  }),
  entries: z.array(NoticeEntryInput).min(1, "Thông báo phải có ít nhất một ngày nghỉ.").max(200, "Tối đa 200 dòng."),
});
export type CalendarNoticeBody = z.infer<typeof CalendarNoticeBody>;

export const CalendarEntryView = z.object({
  from: z.string(),
  to: z.string().nullable(),
  kind: z.string(),
  kindLabel: z.string(),
  working: z.boolean(),
  reason: z.string(),
  source: z.string(),
  provisional: z.boolean(),
  /** Entered by the province administrator as a single day (removable with DELETE /calendar/:date). */
  adminDay: z.boolean(),
});
export type CalendarEntryView = z.infer<typeof CalendarEntryView>;

export const CalendarNoticeView = z.object({
  number: z.string(),
  date: z.string(),
  issuer: z.string(),
  link: z.string().nullable(),
  by: z.string(),
  at: z.string(),
});

export const CalendarYearReply = z.object({
  year: z.number().int(),
  provisional: z.boolean().describe("No official notice yet: the days are a forecast"),
  fromLunarCalendar: z.boolean(),
  notice: CalendarNoticeView.nullable(),
  entries: z.array(CalendarEntryView),
  days: z.array(
    z.object({ date: z.string(), working: z.boolean(), label: z.string(), by: z.string(), at: z.string() }),
  ),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type CalendarYearReply = z.infer<typeof CalendarYearReply>;

export const CalendarDraftReply = z.object({
  year: z.number().int(),
  entries: z.array(z.object({ from: z.string(), to: z.string().nullable(), kind: z.string(), reason: z.string() })),
  source: z.string().describe("Where the draft comes from: the Labour Code rules and the lunar calendar"),
});
export type CalendarDraftReply = z.infer<typeof CalendarDraftReply>;

export const CalendarDayReply = z.object({
  date: z.string(),
  working: z.boolean(),
  text: z.string().describe("Why the day is (not) a working day, one Vietnamese sentence"),
});
export type CalendarDayReply = z.infer<typeof CalendarDayReply>;
