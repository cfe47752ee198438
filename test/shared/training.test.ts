/** Training mode's pure rules (docs/admin/training.md): the training day, the training clock, synthetic citizens. */
import { expect, it } from "@jest/globals";
import {
  isSyntheticIdNumber,
  syntheticIdentity,
  trainingDayAfter,
  trainingInstant,
} from "../../shared/training/training.js";
import { weekdayOf } from "../../shared/time/vn-time.js";

it("the training day is the first scheme day strictly after today", () => {
  const wednesday = (d: string) => weekdayOf(d) === 3;
  expect(trainingDayAfter("2025-07-15", wednesday)).toBe("2025-07-16");
  expect(trainingDayAfter("2025-07-16", wednesday)).toBe("2025-07-23");
  expect(trainingDayAfter("2025-07-16", () => false)).toBeUndefined();
});

it("the training clock starts at 08:00 Việt Nam time and moves at real pace", () => {
  const started = Date.parse("2025-07-16T09:30:00Z");
  expect(trainingInstant("2025-07-23", started, started).toISOString()).toBe("2025-07-23T01:00:00.000Z");
  expect(trainingInstant("2025-07-23", started, started + 90 * 60_000).toISOString()).toBe("2025-07-23T02:30:00.000Z");
});

it("a synthetic citizen has a made-up name and a 12-digit number starting with 000", () => {
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < 200; i++) {
    const p = syntheticIdentity(random);
    expect(p.idNumber).toMatch(/^000[0-3]\d{8}$/);
    expect(isSyntheticIdNumber(p.idNumber)).toBe(true);
    expect(p.fullName.split(" ").length).toBeGreaterThanOrEqual(3);
    expect(p.dateOfBirth).toMatch(/^\d{2}\/\d{2}\/(19|20)\d{2}$/);
  }
  expect(isSyntheticIdNumber("067085000001")).toBe(false);
});
