/**
 * Track decisions and due-date computations per second on one core, over a realistic mix: Đắk Nông 2023–2024
 * (district and commune one-stops, Wednesdays and other days, before and after 15:00, holidays, flags) and the
 * 28 Lâm Đồng communes after 1/7/2025. Run: npx tsx bench/domain.ts (or npm run bench -- domain).
 */
import { computeDueDate } from "../shared/calendar/due-date.js";
import { vnCalendar } from "../shared/calendar/vn-calendar.js";
import { decideTrack, type TrackInput } from "../shared/scheme/decide-track.js";
import { unitDirectory } from "../shared/units/unit-directory.js";

const GOAL = 200_000;
const MIN_MS = 1_000;

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

/** Deterministic mix: 60 % on Wednesdays, times spread over the working day, 10 % with a case flag. */
function buildInputs(count: number): TrackInput[] {
  const old = unitDirectory.units.filter((u) => u.validFrom === "2020-03-01" && u.level !== "province");
  const current = unitDirectory.units.filter((u) => u.validFrom === "2025-07-01" && u.level === "commune");
  const oldWednesdays = ["2024-03-13", "2024-02-14", "2023-11-15", "2024-05-01", "2024-09-04", "2025-06-25"];
  const otherDays = ["2024-03-14", "2024-03-18", "2023-12-29", "2025-01-02", "2026-03-19", "2026-03-20"];
  const newWednesdays = ["2025-07-02", "2025-09-03", "2026-02-18", "2026-03-18", "2026-04-29"];
  const times = [
    "07:30",
    "08:15",
    "09:40",
    "10:05",
    "11:20",
    "12:10",
    "13:45",
    "14:30",
    "14:59",
    "15:00",
    "15:40",
    "16:55",
  ];
  const inputs: TrackInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const recent = i % 2 === 0;
    const day = i % 5 < 3 ? (recent ? pick(newWednesdays, i) : pick(oldWednesdays, i)) : pick(otherDays, i);
    const unit = day >= "2025-07-01" ? pick(current, i * 7) : pick(old, i * 13);
    const procedureCode =
      unit.level === "district"
        ? pick(["1.011441", "1.011443", "1.001612"], i)
        : day >= "2025-07-01"
          ? pick(["1.011441", "1.011443", "1.001612", "1.004873"], i)
          : "1.004873";
    const flag =
      procedureCode === "1.004873"
        ? "needs_verification"
        : procedureCode === "1.001612"
          ? "household_members"
          : "both_parties_sign";
    inputs.push({
      unitCode: unit.code,
      procedureCode,
      at: `${day}T${pick(times, i * 3)}:00+07:00`,
      ...(i % 10 === 0 ? { flags: [flag] } : {}),
    });
  }
  return inputs;
}

function measure(name: string, inputs: readonly unknown[], fn: (x: never) => unknown): number {
  let sink = 0;
  for (let i = 0; i < 50_000; i += 1) sink ^= fn(inputs[i % inputs.length] as never) ? 1 : 0;
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    for (let i = 0; i < 10_000; i += 1, ops += 1) sink ^= fn(inputs[ops % inputs.length] as never) ? 1 : 0;
    elapsed = performance.now() - start;
  }
  const perSecond = Math.round((ops / elapsed) * 1000);
  console.log(
    `${name.padEnd(34)} ${perSecond.toLocaleString("en-US").padStart(12)} /s  (${ops} ops in ${elapsed.toFixed(0)} ms${sink < 0 ? "" : ""})`,
  );
  return perSecond;
}

const inputs = buildInputs(4_096);
const sample = inputs.map((x) => decideTrack(x));
const failures = sample.filter((r) => !r.ok);
if (failures.length > 0) throw new Error(`bench mix holds invalid inputs: ${JSON.stringify(failures[0])}`);
const sameDay = sample.filter((r) => r.ok && r.track === "same-day").length;
console.log(
  `mix: ${inputs.length} inputs, ${sameDay} same-day (${((sameDay / inputs.length) * 100).toFixed(0)} %), node ${process.version}`,
);

const dueInputs = inputs.map((x, i) => {
  const local = x.at.slice(0, 10);
  return {
    receivedAt: { date: local, minutes: 7 * 60 + ((i * 37) % 600) },
    timeLimitWorkingDays: i % 3 === 0 ? 0 : 3,
    ...(i % 3 === 0 ? { sameDayCutoff: "15:00" } : {}),
  };
});

const baselineCall = measure("baseline: JSON.stringify(input)", inputs, (x: TrackInput) => JSON.stringify(x).length);
const decisions = measure("decideTrack", inputs, (x: TrackInput) => decideTrack(x).ok);
measure("decideTrack + JSON.stringify(result)", inputs, (x: TrackInput) => JSON.stringify(decideTrack(x)).length);
measure("decideTrack with explain: true", inputs, (x: TrackInput) => decideTrack({ ...x, explain: true }).ok);
const dueDates = measure(
  "computeDueDate (vnCalendar)",
  dueInputs,
  (x: Parameters<typeof computeDueDate>[0]) => computeDueDate(x, vnCalendar).dueDate,
);
console.log(`ratio decideTrack / JSON.stringify(input): ${(decisions / baselineCall).toFixed(2)}`);
console.log(`ratio computeDueDate / JSON.stringify(input): ${(dueDates / baselineCall).toFixed(2)}`);
console.log(`goal track decisions/s: ${decisions} (≥ ${GOAL}) ${decisions >= GOAL ? "ok" : "short"}`);
console.log(`goal due-date computations/s: ${dueDates} (≥ ${GOAL}) ${dueDates >= GOAL ? "ok" : "short"}`);
