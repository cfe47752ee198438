/** The sentences of the scheme banner, from the server's scheme status (the server owns the clock and the rules). */
import type { SchemeStatus } from "../../api/types.js";
import { pausedIntakeSentence } from "../../../../shared/scheme/intake-state.js";
import { formatDayLong, formatDuration } from "../../format.js";

export interface SchemeBanner {
  tone: "success" | "warning" | "info";
  title: string;
  detail?: string;
}

export function schemeBanner(s: SchemeStatus): SchemeBanner {
  const where = s.unit.displayName;
  const next = s.nextSchemeDay ? `Ngày không hẹn tiếp theo: ${formatDayLong(s.nextSchemeDay)}.` : undefined;
  if (!s.plan) {
    return {
      tone: "info",
      title: `${capitalizeFirst(where)} chưa áp dụng Ngày không hẹn.`,
      detail: "Hồ sơ được tiếp nhận và hẹn trả theo thời hạn thông thường.",
    };
  }
  if (s.schemeDay && s.intakeOpen && s.minutesToCutoff !== null && s.intakeCutoff) {
    return {
      tone: "success",
      title:
        s.minutesToCutoff > 0
          ? `Hôm nay là Ngày không hẹn tại ${where}: còn ${formatDuration(s.minutesToCutoff)} đến ${s.intakeCutoff}.`
          : `Hôm nay là Ngày không hẹn tại ${where}: nhận hồ sơ trả trong ngày đến hết ${s.intakeCutoff}.`,
      detail: `Nộp đủ hồ sơ đến ${s.intakeCutoff} để nhận kết quả ngay trong ngày.`,
    };
  }
  if (s.intakeState === "paused" && s.resumesAt && s.intakeCutoff) {
    return {
      tone: "success",
      title: `Hôm nay là Ngày không hẹn tại ${where}. ${pausedIntakeSentence({ resumesAt: s.resumesAt, pauseKind: s.pauseKind ?? undefined, intakeCutoff: s.intakeCutoff })}.`,
      detail: `Nộp đủ hồ sơ từ ${s.resumesAt} đến trước ${s.intakeCutoff} để nhận kết quả ngay trong ngày.`,
    };
  }
  if (s.schemeDay) {
    return {
      tone: "warning",
      title: `Hôm nay là Ngày không hẹn tại ${where}, nhưng đã qua giờ nhận hồ sơ trả trong ngày${s.intakeCutoff ? ` (${s.intakeCutoff})` : ""}.`,
      detail: [`Hồ sơ nộp bây giờ được hẹn trả theo thời hạn thông thường.`, next].filter(Boolean).join(" "),
    };
  }
  return {
    tone: "info",
    title: next ?? `Chưa có lịch Ngày không hẹn sắp tới tại ${where}.`,
    detail: `Vào Ngày không hẹn, hồ sơ đầy đủ nộp trước ${s.intakeCutoff ?? "giờ quy định"} được trả kết quả trong ngày.`,
  };
}

export function officeHoursText(s: SchemeStatus): string {
  return s.officeHours.map((h) => `${h.start}–${h.end}`).join(", ");
}

function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
