/** From the sums the store returns to the figures of a report: rates, hours and the 766 indicators, by the FIGURES table. */
import type { DrillDownQuery, ReportFigure } from "./report.js";
import { FIGURES, hasDossierList, type FactColumn, type FigureDefinition } from "./figures.js";

export interface ReportSums {
  facts: Record<FactColumn, number>;
  /** Open dossiers whose due date is today or later (still within the time limit). */
  openWithinDue: number;
  totalMinutes: number;
  medianMinutes: number | null;
  ratings: { rat_hai_long: number; hai_long: number; khong_hai_long: number };
  feedback: { complaint: number; suggestion: number };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (num: number, den: number) => (den > 0 ? round1((num * 100) / den) : null);

export function figureValue(def: FigureDefinition, s: ReportSums): number | null {
  const src = def.source;
  const f = s.facts;
  switch (src.kind) {
    case "count":
      return f[src.column];
    case "rate": {
      const cols = typeof src.numerator === "string" ? [src.numerator] : src.numerator;
      return pct(
        cols.reduce((a, c) => a + f[c as FactColumn], 0),
        f[src.denominator],
      );
    }
    case "onTime766":
      return pct(f.early + f.on_time + s.openWithinDue, f.completed + f.open);
    case "avgHours":
      return f.completed > 0 ? round1(s.totalMinutes / f.completed / 60) : null;
    case "medianHours":
      return s.medianMinutes === null ? null : round1(s.medianMinutes / 60);
    case "rating":
      return src.rating === "all"
        ? s.ratings.rat_hai_long + s.ratings.hai_long + s.ratings.khong_hai_long
        : s.ratings[src.rating];
    case "satisfactionRate":
      return pct(
        s.ratings.rat_hai_long + s.ratings.hai_long,
        s.ratings.rat_hai_long + s.ratings.hai_long + s.ratings.khong_hai_long,
      );
    case "feedback":
      return s.feedback[src.feedbackKind];
    case "satisfaction766": {
      if (f.completed === 0 || f.received === 0) return null;
      return round1(Math.max(0, 100 - ((f.late * 100) / f.completed + (s.feedback.complaint * 100) / f.received)));
    }
  }
}

export function buildFigures(s: ReportSums, base: Omit<DrillDownQuery, "figure">): ReportFigure[] {
  return FIGURES.map((def) => ({
    key: def.key,
    label: def.label,
    value: figureValue(def, s),
    unit: def.unit,
    formula: def.formula,
    group: def.group,
    drillDown: hasDossierList(def.key) ? { figure: def.key, ...base } : null,
    ...(def.indicator766 ? { indicator766: def.indicator766 } : {}),
  }));
}
