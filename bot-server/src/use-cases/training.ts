/**
 * Training mode of a unit (docs/admin/training.md): the unit administrator (or the province administrator for any
 * unit of the province) switches it on, off, and resets it; every change is audited. While it is on, a console
 * request of the unit's officers runs with `trainingDeps`: the clock shows the training day (the next scheme day of
 * the unit's plan, from 08:00) and `deps.training` tells the intake to flag what it creates.
 */
import type { TrainingBanner, TrainingState } from "../../../shared/console/training.js";
import { administers, type Officer } from "../../../shared/officers/officer.js";
import { fail, type Failure } from "../../../shared/outcomes.js";
import { trainingDayAfter, trainingInstant } from "../../../shared/training/training.js";
import { formatDateVn, vnMomentFromEpoch } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import {
  countTrainingDossiers,
  deleteTrainingDossiers,
  deleteTrainingUnit,
  findTrainingUnit,
  saveTrainingUnit,
  type TrainingUnit,
} from "../store/training.js";

export type { TrainingUnit } from "../store/training.js";

type Result<T> = { ok: true; value: T } | Failure;

/** Whether this request works on training dossiers: the console's lists and the intake follow it. */
export const inTraining = (deps: Pick<Deps, "training">): boolean => deps.training !== undefined;

/**
 * A console of a unit in training acts on training dossiers only, and a training dossier is acted on only in
 * training: a real dossier never gets a training-clock timestamp, a training one never leaves training.
 */
export function trainingMismatch(deps: Pick<Deps, "training">, d: { training?: boolean }): Failure | undefined {
  if (inTraining(deps) && !d.training) return fail("training_mode_active");
  if (!inTraining(deps) && d.training) return fail("training_dossier");
  return undefined;
}

/** The unit's training session, when it is in training mode (a console request reads it with its session). */
export const trainingOf = (deps: Pick<Deps, "db">, unitId: string | null): Promise<TrainingUnit | undefined> =>
  unitId ? findTrainingUnit(deps.db, unitId) : Promise.resolve(undefined);

/** The deps of a console request of a unit in training mode: the training clock and the session. */
export function trainingDeps(deps: Deps, training: TrainingUnit): Deps {
  const startedAtMs = Date.parse(training.startedAt);
  const real = deps.clock;
  return {
    ...deps,
    clock: { now: () => trainingInstant(training.day, startedAtMs, real.now().getTime()) },
    training: { ...training, realClock: real },
  };
}

/** Real time, also inside a training request: the switch, the reset and their audit lines are real events. */
const realNow = (deps: Deps): Date => (deps.training ? deps.training.realClock : deps.clock).now();

export function trainingBanner(training: TrainingUnit): TrainingBanner {
  return { day: training.day, dayText: formatDateVn(training.day) };
}

function provinceIdOf(deps: Deps) {
  return (unitId: string) => {
    const unit = deps.domain.units.byId(unitId);
    return unit ? deps.domain.units.provinceOf(unit)?.id : undefined;
  };
}

/** The unit, when the officer administers it; a unit outside their scope looks like an unknown one. */
function administeredUnit(deps: Deps, officer: Officer, unitId: string): Result<{ id: string; name: string }> {
  const unit = deps.domain.units.byId(unitId);
  if (!unit || unit.level === "province") return fail("unit_not_found");
  if (!administers(officer, unit.id, provinceIdOf(deps))) return fail("forbidden");
  return { ok: true, value: { id: unit.id, name: deps.domain.units.displayName(unit) } };
}

async function stateOf(deps: Deps, unit: { id: string; name: string }): Promise<TrainingState> {
  const t = await findTrainingUnit(deps.db, unit.id);
  const dossiers = await countTrainingDossiers(deps.db, unit.id);
  if (!t) {
    return {
      unitId: unit.id,
      unitName: unit.name,
      active: false,
      day: null,
      dayText: null,
      clock: null,
      startedAt: null,
      dossiers,
    };
  }
  const m = vnMomentFromEpoch(trainingInstant(t.day, Date.parse(t.startedAt), realNow(deps).getTime()).getTime());
  const hhmm = `${String(Math.floor(m.minutes / 60)).padStart(2, "0")}:${String(m.minutes % 60).padStart(2, "0")}`;
  return {
    unitId: unit.id,
    unitName: unit.name,
    active: true,
    day: t.day,
    dayText: formatDateVn(t.day),
    clock: `${hhmm} ${formatDateVn(m.date)}`,
    startedAt: t.startedAt,
    dossiers,
  };
}

export async function readTraining(deps: Deps, officer: Officer, unitId: string): Promise<Result<TrainingState>> {
  const unit = administeredUnit(deps, officer, unitId);
  if (!unit.ok) return unit;
  return { ok: true, value: await stateOf(deps, unit.value) };
}

/** The next scheme day of the unit's plan after today (real clock), from the live domain. */
function nextTrainingDay(deps: Deps, unitId: string): string | undefined {
  const unit = deps.domain.units.byId(unitId);
  if (!unit) return undefined;
  const today = vnMomentFromEpoch(realNow(deps).getTime()).date;
  return trainingDayAfter(today, (date) => {
    const s = deps.domain.scheme.schemeStatusAt(unit.code, `${date}T08:00:00+07:00`);
    return s.ok && s.isSchemeDay;
  });
}

async function startClock(deps: Deps, officer: Officer, unitId: string): Promise<Result<TrainingUnit>> {
  const day = nextTrainingDay(deps, unitId);
  if (!day) return fail("training_no_scheme_day");
  const t: TrainingUnit = { unitId, day, startedAt: realNow(deps).toISOString(), startedBy: officer.id };
  await saveTrainingUnit(deps.db, t);
  return { ok: true, value: t };
}

/** Switch on (the clock starts at 08:00 of the next scheme day) or off (the training dossiers stay until a reset). */
export async function switchTraining(
  deps: Deps,
  officer: Officer,
  unitId: string,
  active: boolean,
  reason: string,
): Promise<Result<TrainingState>> {
  const unit = administeredUnit(deps, officer, unitId);
  if (!unit.ok) return unit;
  const was = await findTrainingUnit(deps.db, unit.value.id);
  if (active && !was) {
    const started = await startClock(deps, officer, unit.value.id);
    if (!started.ok) return started;
  }
  if (!active && was) await deleteTrainingUnit(deps.db, unit.value.id);
  if (active !== (was !== undefined))
    await writeAudit(deps.db, {
      at: realNow(deps).toISOString(),
      actorKind: "officer",
      actorId: officer.id,
      action: active ? "create" : "delete",
      subjectKind: "training",
      subjectId: unit.value.id,
      fields: ["active"],
      reason: `${active ? "Bật" : "Tắt"} chế độ diễn tập: ${reason}`,
    });
  return { ok: true, value: await stateOf(deps, unit.value) };
}

/**
 * Reset: deletes the unit's training dossiers (their events follow; audit lines stay, they name fields, never
 * values) and, when the unit is still training, restarts the clock at 08:00 of the next scheme day.
 */
export async function resetTraining(
  deps: Deps,
  officer: Officer,
  unitId: string,
  reason: string,
): Promise<Result<TrainingState & { deleted: number }>> {
  const unit = administeredUnit(deps, officer, unitId);
  if (!unit.ok) return unit;
  const now = realNow(deps).toISOString();
  const deleted = await deps.db.transaction().execute(async (trx) => {
    const ids = await deleteTrainingDossiers(trx, unit.value.id);
    await writeAudit(trx, {
      at: now,
      actorKind: "officer",
      actorId: officer.id,
      action: "purge",
      subjectKind: "training",
      subjectId: unit.value.id,
      fields: ["dossiers"],
      reason: `Đặt lại chế độ diễn tập (xóa ${ids.length} hồ sơ diễn tập): ${reason}`,
    });
    return ids.length;
  });
  if (await findTrainingUnit(deps.db, unit.value.id)) {
    const restarted = await startClock(deps, officer, unit.value.id);
    if (!restarted.ok) return restarted;
  }
  return { ok: true, value: { ...(await stateOf(deps, unit.value)), deleted } };
}
