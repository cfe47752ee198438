/**
 * The figures of the report as data: key, Vietnamese label, the formula printed beside it and how it is computed
 * from the per-dossier facts (shared/reports/dossier-facts.ts). A "count" figure sums one fact column and lists
 * the dossiers where it is 1; a "rate" divides two sums; "avgHours"/"medianHours" read processing minutes;
 * "ratings"/"feedback" count the citizens' feedback of the period.
 *
 * Decision 766/QĐ-TTg (23/6/2022) "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh
 * nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử", text:
 * https://thuviennhadat.vn/vbpl/quyet-dinh-766-qd-ttg-2022-bo-chi-so-danh-gia-chat-luong-phuc-vu-thu-tuc-hanh-chinh-dien-tu-518821.html
 * [S: title and date read from the header; the sub-indicator formulas (2.1, 2.2, 5.4) as published by public tools
 * built on the official "Công thức 766", wording may differ from the appendix: cần kiểm tra]. The portal computes
 * the official scores; these are the unit's own figures, to reconcile with it.
 */
import type { FigureUnit } from "./report.js";

/** Fact columns a count figure may sum (snake_case as in the report_facts table). */
export const FACT_COLUMNS = [
  "received",
  "same_day",
  "same_day_done",
  "assisted",
  "after_cutoff",
  "other_day",
  "pre_entered",
  "walk_in",
  "completed",
  "early",
  "on_time",
  "late",
  "open",
  "supplement",
  "refused",
  "apology",
  "withdrawn",
  "notified",
  "notified_oa",
  "notified_miniapp",
  "notified_zns",
] as const;
export type FactColumn = (typeof FACT_COLUMNS)[number];

export const RATING_VALUES = ["rat_hai_long", "hai_long", "khong_hai_long"] as const;
export const FEEDBACK_KINDS = ["complaint", "suggestion"] as const;

export type FigureSource =
  | { kind: "count"; column: FactColumn }
  | { kind: "rate"; numerator: FactColumn | readonly FactColumn[]; denominator: FactColumn }
  /** 766 indicator 2.1: (finished early or on time + still open within the due date) ÷ (finished + open). */
  | { kind: "onTime766" }
  | { kind: "avgHours" }
  | { kind: "medianHours" }
  | { kind: "rating"; rating: (typeof RATING_VALUES)[number] | "all" }
  | { kind: "satisfactionRate" }
  | { kind: "feedback"; feedbackKind: (typeof FEEDBACK_KINDS)[number] }
  /** 766 indicator 5.4: 100% − (late rate + share of dossiers with a complaint). */
  | { kind: "satisfaction766" };

export interface FigureDefinition {
  key: string;
  label: string;
  group: string;
  unit: FigureUnit;
  formula: string;
  source: FigureSource;
  /** Decision 766/QĐ-TTg indicator number, when the figure computes one. */
  indicator766?: string;
}

const G_INTAKE = "I. Tiếp nhận hồ sơ";
const G_SAME_DAY = "II. Ngày không viết – Ngày không hẹn";
const G_RESULT = "III. Kết quả giải quyết";
const G_STEPS = "IV. Bổ sung, từ chối, xin lỗi";
const G_NOTIFY = "V. Thông báo cho người dân";
const G_SATISFACTION = "VI. Mức độ hài lòng";

export const FIGURES: readonly FigureDefinition[] = [
  {
    key: "received",
    label: "Số hồ sơ tiếp nhận",
    group: G_INTAKE,
    unit: "count",
    formula: "Số hồ sơ có sự kiện \u201ctiếp nhận\u201d, ngày tiếp nhận trong kỳ",
    source: { kind: "count", column: "received" },
  },
  {
    key: "preEntered",
    label: "Đăng ký trước trên Mini App",
    group: G_INTAKE,
    unit: "count",
    formula: "Hồ sơ tiếp nhận từ bản đăng ký trước của người dân",
    source: { kind: "count", column: "pre_entered" },
  },
  {
    key: "walkIn",
    label: "Nộp trực tiếp tại quầy",
    group: G_INTAKE,
    unit: "count",
    formula: "Hồ sơ tiếp nhận không có bản đăng ký trước",
    source: { kind: "count", column: "walk_in" },
  },
  {
    key: "afterCutoff",
    label: "Tiếp nhận sau giờ chốt của Ngày không hẹn",
    group: G_INTAKE,
    unit: "count",
    formula: "Tiếp nhận vào Ngày không hẹn sau giờ chốt (sau 15:00; đúng 15:00 vẫn trong ngày)",
    source: { kind: "count", column: "after_cutoff" },
  },
  {
    key: "otherDay",
    label: "Tiếp nhận vào ngày khác",
    group: G_INTAKE,
    unit: "count",
    formula: "Tiếp nhận vào ngày không phải Ngày không hẹn của đơn vị, quy trình thông thường",
    source: { kind: "count", column: "other_day" },
  },
  {
    key: "sameDay",
    label: "Hồ sơ theo Ngày không hẹn",
    group: G_SAME_DAY,
    unit: "count",
    formula: "Hồ sơ tiếp nhận theo quy trình giải quyết trong ngày",
    source: { kind: "count", column: "same_day" },
  },
  {
    key: "sameDayDone",
    label: "Giải quyết xong trong ngày",
    group: G_SAME_DAY,
    unit: "count",
    formula: "Hồ sơ Ngày không hẹn có kết quả ngay trong ngày tiếp nhận",
    source: { kind: "count", column: "same_day_done" },
  },
  {
    key: "sameDayRate",
    label: "Tỷ lệ giải quyết trong ngày",
    group: G_SAME_DAY,
    unit: "percent",
    formula: "Giải quyết xong trong ngày ÷ Hồ sơ theo Ngày không hẹn × 100%",
    source: { kind: "rate", numerator: "same_day_done", denominator: "same_day" },
  },
  {
    key: "assisted",
    label: "Cán bộ viết hộ (Ngày không viết)",
    group: G_SAME_DAY,
    unit: "count",
    formula: "Hồ sơ do cán bộ điền tờ khai thay người dân",
    source: { kind: "count", column: "assisted" },
  },
  {
    key: "completed",
    label: "Hồ sơ đã giải quyết",
    group: G_RESULT,
    unit: "count",
    formula: "Hồ sơ tiếp nhận trong kỳ đã có kết quả",
    source: { kind: "count", column: "completed" },
  },
  {
    key: "early",
    label: "Giải quyết trước hạn",
    group: G_RESULT,
    unit: "count",
    formula: "Ngày có kết quả trước ngày hẹn trả ban đầu",
    source: { kind: "count", column: "early" },
  },
  {
    key: "onTime",
    label: "Giải quyết đúng hạn",
    group: G_RESULT,
    unit: "count",
    formula: "Ngày có kết quả trùng ngày hẹn trả ban đầu",
    source: { kind: "count", column: "on_time" },
  },
  {
    key: "late",
    label: "Giải quyết quá hạn",
    group: G_RESULT,
    unit: "count",
    formula: "Ngày có kết quả sau ngày hẹn trả ban đầu (kể cả khi đã gia hạn bằng Mẫu 04)",
    source: { kind: "count", column: "late" },
  },
  {
    key: "open",
    label: "Đang giải quyết",
    group: G_RESULT,
    unit: "count",
    formula: "Hồ sơ tiếp nhận trong kỳ chưa có kết quả",
    source: { kind: "count", column: "open" },
  },
  {
    key: "onTimeRate",
    label: "Tỷ lệ giải quyết trước hạn, đúng hạn",
    group: G_RESULT,
    unit: "percent",
    indicator766: "2.1",
    formula:
      "(Trước hạn + Đúng hạn + Đang giải quyết còn trong hạn) ÷ (Đã giải quyết + Đang giải quyết) × 100% (QĐ 766/QĐ-TTg, chỉ số 2.1)",
    source: { kind: "onTime766" },
  },
  {
    key: "avgHours",
    label: "Thời gian giải quyết trung bình (giờ làm việc)",
    group: G_RESULT,
    unit: "hours",
    indicator766: "2.2",
    formula:
      "Tổng giờ làm việc từ tiếp nhận đến có kết quả (trừ thời gian chờ bổ sung) ÷ Số hồ sơ đã giải quyết (QĐ 766/QĐ-TTg, chỉ số 2.2)",
    source: { kind: "avgHours" },
  },
  {
    key: "medianHours",
    label: "Thời gian giải quyết trung vị (giờ làm việc)",
    group: G_RESULT,
    unit: "hours",
    formula: "Giá trị giữa của thời gian giải quyết các hồ sơ đã giải quyết, xếp tăng dần",
    source: { kind: "medianHours" },
  },
  {
    key: "supplement",
    label: "Yêu cầu bổ sung hồ sơ (Mẫu 02)",
    group: G_STEPS,
    unit: "count",
    formula: "Hồ sơ có ít nhất một lần yêu cầu bổ sung",
    source: { kind: "count", column: "supplement" },
  },
  {
    key: "refused",
    label: "Từ chối tiếp nhận (Mẫu 03)",
    group: G_STEPS,
    unit: "count",
    formula: "Hồ sơ có sự kiện \u201ctừ chối\u201d",
    source: { kind: "count", column: "refused" },
  },
  {
    key: "apology",
    label: "Thư xin lỗi, hẹn lại (Mẫu 04)",
    group: G_STEPS,
    unit: "count",
    formula: "Hồ sơ có sự kiện \u201cgia hạn, xin lỗi\u201d",
    source: { kind: "count", column: "apology" },
  },
  {
    key: "withdrawn",
    label: "Người dân rút hồ sơ (Mẫu 05)",
    group: G_STEPS,
    unit: "count",
    formula: "Hồ sơ đã tiếp nhận rồi rút",
    source: { kind: "count", column: "withdrawn" },
  },
  {
    key: "notified",
    label: "Người dân được thông báo",
    group: G_NOTIFY,
    unit: "count",
    formula: "Hồ sơ có ít nhất một thông báo gửi thành công",
    source: { kind: "count", column: "notified" },
  },
  {
    key: "notifiedOa",
    label: "— qua Zalo OA",
    group: G_NOTIFY,
    unit: "count",
    formula: "Gửi thành công qua tin tư vấn Zalo OA",
    source: { kind: "count", column: "notified_oa" },
  },
  {
    key: "notifiedMiniapp",
    label: "— qua Mini App",
    group: G_NOTIFY,
    unit: "count",
    formula: "Gửi thành công qua thông báo Mini App",
    source: { kind: "count", column: "notified_miniapp" },
  },
  {
    key: "notifiedZns",
    label: "— qua ZNS (số điện thoại)",
    group: G_NOTIFY,
    unit: "count",
    formula: "Gửi thành công qua Zalo Notification Service",
    source: { kind: "count", column: "notified_zns" },
  },
  {
    key: "ratings",
    label: "Lượt đánh giá",
    group: G_SATISFACTION,
    unit: "count",
    formula: "Đánh giá của người dân gửi trong kỳ",
    source: { kind: "rating", rating: "all" },
  },
  {
    key: "ratingVerySatisfied",
    label: "— Rất hài lòng",
    group: G_SATISFACTION,
    unit: "count",
    formula: "Đánh giá \u201cRất hài lòng\u201d",
    source: { kind: "rating", rating: "rat_hai_long" },
  },
  {
    key: "ratingSatisfied",
    label: "— Hài lòng",
    group: G_SATISFACTION,
    unit: "count",
    formula: "Đánh giá \u201cHài lòng\u201d",
    source: { kind: "rating", rating: "hai_long" },
  },
  {
    key: "ratingUnsatisfied",
    label: "— Không hài lòng",
    group: G_SATISFACTION,
    unit: "count",
    formula: "Đánh giá \u201cKhông hài lòng\u201d",
    source: { kind: "rating", rating: "khong_hai_long" },
  },
  {
    key: "satisfactionRate",
    label: "Tỷ lệ hài lòng",
    group: G_SATISFACTION,
    unit: "percent",
    formula: "(Rất hài lòng + Hài lòng) ÷ Lượt đánh giá × 100%",
    source: { kind: "satisfactionRate" },
  },
  {
    key: "complaints",
    label: "Phản ánh, kiến nghị",
    group: G_SATISFACTION,
    unit: "count",
    formula: "Phản ánh của người dân gửi trong kỳ",
    source: { kind: "feedback", feedbackKind: "complaint" },
  },
  {
    key: "suggestions",
    label: "Góp ý",
    group: G_SATISFACTION,
    unit: "count",
    formula: "Góp ý của người dân gửi trong kỳ",
    source: { kind: "feedback", feedbackKind: "suggestion" },
  },
  {
    key: "satisfaction766",
    label: "Mức độ hài lòng theo tiến độ và phản ánh",
    group: G_SATISFACTION,
    unit: "percent",
    indicator766: "5.4",
    formula: "100% − (Tỷ lệ hồ sơ quá hạn + Tỷ lệ hồ sơ có phản ánh) (QĐ 766/QĐ-TTg, chỉ số 5.4)",
    source: { kind: "satisfaction766" },
  },
];

export const FIGURE_BY_KEY: ReadonlyMap<string, FigureDefinition> = new Map(FIGURES.map((f) => [f.key, f]));

/** The fact column listing the dossiers behind a figure; undefined for figures with no dossier list. */
export function drillColumnOf(key: string): FactColumn | undefined {
  const f = FIGURE_BY_KEY.get(key);
  if (!f) return undefined;
  if (f.source.kind === "count") return f.source.column;
  if (f.source.kind === "rate") return f.source.denominator;
  if (f.source.kind === "onTime766" || f.source.kind === "avgHours" || f.source.kind === "medianHours")
    return "completed";
  return undefined;
}

/** The feedback behind a rating or feedback figure (the dossiers it is about are its list); undefined otherwise. */
export function feedbackFilterOf(
  key: string,
): { kind: "rating" | "complaint" | "suggestion"; rating?: string } | undefined {
  const f = FIGURE_BY_KEY.get(key);
  if (!f) return undefined;
  if (f.source.kind === "rating")
    return f.source.rating === "all" ? { kind: "rating" } : { kind: "rating", rating: f.source.rating };
  if (f.source.kind === "feedback") return { kind: f.source.feedbackKind };
  if (f.source.kind === "satisfactionRate") return { kind: "rating" };
  return undefined;
}

/** Whether a figure has a list of dossiers behind it (every count, rate and time; ratings and feedback too). */
export function hasDossierList(key: string): boolean {
  return drillColumnOf(key) !== undefined || feedbackFilterOf(key) !== undefined;
}
