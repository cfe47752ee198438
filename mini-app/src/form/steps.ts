/**
 * The official form turned into screens: one question per screen in print order (GOV.UK pattern), a few
 * fields printed on one line asked together, fields the counter fills left out, and questions already
 * answered by the CCCD scan or by "for myself" skipped (they still appear on the check-answers screen).
 */
import type { FormField } from "../../../shared/procedures/procedure-version.js";
import type { PreEntryConfig } from "./pre-entry-config.js";

export interface Step {
  id: string;
  fields: FormField[];
}

export type FormData = Record<string, unknown>;

/** Fields the citizen answers (the counter's own fields removed), grouped into screens, in print order. */
export function buildSteps(fields: readonly FormField[], config: PreEntryConfig): Step[] {
  const groupOf = new Map<string, string[]>();
  for (const g of config.groups) for (const id of g) groupOf.set(id, g);
  const steps: Step[] = [];
  const placed = new Set<string>();
  for (const f of fields) {
    if (config.atCounter.includes(f.id) || placed.has(f.id)) continue;
    const group = groupOf.get(f.id);
    const members = group ? fields.filter((x) => group.includes(x.id) && !config.atCounter.includes(x.id)) : [f];
    members.forEach((m) => placed.add(m.id));
    steps.push({ id: members[0]!.id, fields: members });
  }
  return steps;
}

export function isSelf(config: PreEntryConfig, data: FormData): boolean {
  const w = config.forWhom;
  return (
    !!w &&
    typeof data[w.field] === "string" &&
    (data[w.field] as string).trim().toLowerCase() === w.selfValue.toLowerCase()
  );
}

/** With "Bản thân", the subject's identity is the requester's: copy it (and clear it when that changes back). */
export function applyMirror(config: PreEntryConfig, data: FormData, previouslySelf: boolean): FormData {
  const w = config.forWhom;
  if (!w) return data;
  const next = { ...data };
  if (isSelf(config, data)) {
    for (const [target, source] of Object.entries(w.mirror)) next[target] = data[source];
  } else if (previouslySelf) {
    for (const target of Object.keys(w.mirror)) delete next[target];
  }
  return next;
}

const holds = (v: unknown, is: string | boolean) => (Array.isArray(v) ? v.includes(is) : v === is);
const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

export interface SkipContext {
  config: PreEntryConfig;
  data: FormData;
  /** Fields filled from a confirmed CCCD scan. */
  scanned: ReadonlySet<string>;
}

/** A screen is skipped when the scan or "for myself" answered it, or it only applies in another case. */
export function isSkipped(step: Step, ctx: SkipContext): boolean {
  const self = isSelf(ctx.config, ctx.data);
  const mirrored = self ? Object.keys(ctx.config.forWhom?.mirror ?? {}) : [];
  return step.fields.every((f) => {
    if (mirrored.includes(f.id) || (self && f.id === ctx.config.forWhom?.field)) return true;
    if (ctx.scanned.has(f.id) && !isEmpty(ctx.data[f.id])) return true;
    if (f.requiredWhen && !holds(ctx.data[f.requiredWhen.field], f.requiredWhen.is) && isEmpty(ctx.data[f.id]))
      return true;
    return false;
  });
}

export function nextStep(steps: readonly Step[], fromId: string | null, ctx: SkipContext): Step | undefined {
  const start = fromId === null ? 0 : steps.findIndex((s) => s.id === fromId) + 1;
  return steps.slice(start).find((s) => !isSkipped(s, ctx));
}

export function previousStep(steps: readonly Step[], fromId: string, ctx: SkipContext): Step | undefined {
  const at = steps.findIndex((s) => s.id === fromId);
  return steps
    .slice(0, Math.max(at, 0))
    .reverse()
    .find((s) => !isSkipped(s, ctx));
}

/** The step that asks a field (for "Sửa" on the check-answers screen); mirrored fields open their source. */
export function stepOfField(
  steps: readonly Step[],
  fieldId: string,
  config: PreEntryConfig,
  data: FormData,
): Step | undefined {
  const source = isSelf(config, data) ? config.forWhom?.mirror[fieldId] : undefined;
  const id = source ?? fieldId;
  return steps.find((s) => s.fields.some((f) => f.id === id));
}

/** Position in the questions for the progress line "Câu 3/14". */
export function progress(steps: readonly Step[], stepId: string, ctx: SkipContext): { index: number; total: number } {
  const asked = steps.filter((s) => !isSkipped(s, ctx));
  return { index: asked.findIndex((s) => s.id === stepId) + 1, total: asked.length };
}
