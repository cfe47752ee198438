/** Roll-up of historical units: successors through the succession table, communes into their district before 1/7/2025. */
import { describe, expect, it } from "@jest/globals";
import { creditedUnit, unitsCountedIn } from "../../shared/reports/rollup.js";
import { unitDirectory } from "../../shared/units/unit-directory.js";

const ids = (units: { id: string }[]) => units.map((u) => u.id).sort();

describe("report roll-up", () => {
  it("today's Quảng Khê counts the two communes merged into it, not the district that was abolished", () => {
    expect(ids(unitsCountedIn(unitDirectory, "24631@2025-07-01"))).toEqual([
      "24631@2020-03-01",
      "24631@2025-07-01",
      "24634@2020-03-01",
    ]);
  });

  it("a 2023–2025 district counts its communes", () => {
    const counted = ids(unitsCountedIn(unitDirectory, "661@2020-03-01"));
    expect(counted).toEqual(expect.arrayContaining(["661@2020-03-01", "24631@2020-03-01", "24637@2020-03-01"]));
    expect(counted).not.toContain("24697@2020-03-01"); // Nam Đà is in Krông Nô
  });

  it("credits a commune to its district in a 2024 ranking and to its successor in a 2025 one", () => {
    expect(creditedUnit(unitDirectory, "24631@2020-03-01", "2024-12-31")?.name).toBe("Đăk Glong");
    expect(creditedUnit(unitDirectory, "24634@2020-03-01", "2025-12-31")?.id).toBe("24631@2025-07-01");
  });
});
