/**
 * A unit's participation in the province's scheme plan, decided by the unit (its administrator, or the province
 * administrator): dated changes "from this day the unit takes part / does not take part". A unit without a document,
 * or before its first change, takes part whenever a plan covers it. Stored as a catalogue document of kind
 * "plan_participation" (one per unit); the plan index honours it (plan-index.ts).
 */
import { z } from "zod";
import type { IsoDate } from "../model.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const participationChangeSchema = z.object({
  /** First day the choice applies. */
  from: isoDate,
  takesPart: z.boolean(),
  /** Who decided and when (username, ISO instant): shown beside the change. */
  by: z.string().min(1),
  at: z.string().min(1),
  /** Why (e.g. the unit's decision number); optional. */
  note: z.string().optional(),
});

export const planParticipationSchema = z.object({
  unitId: z.string().min(1),
  /** Sorted by `from`, at most one change per day. */
  changes: z.array(participationChangeSchema),
});

export type ParticipationChange = z.infer<typeof participationChangeSchema>;
export type PlanParticipation = z.infer<typeof planParticipationSchema>;

/** Whether the unit takes part on the date (true without a change in force). */
export function takesPartOn(doc: PlanParticipation | undefined, date: IsoDate): boolean {
  let result = true;
  for (const c of doc?.changes ?? []) if (c.from <= date) result = c.takesPart;
  return result;
}

/** The document with one more change: a change on the same day replaces that day's; later changes stay. */
export function withChange(doc: PlanParticipation | undefined, unitId: string, change: ParticipationChange) {
  const changes = (doc?.changes ?? []).filter((c) => c.from !== change.from);
  changes.push(change);
  changes.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { unitId, changes } satisfies PlanParticipation;
}
