/**
 * The live domain (bot-server/src/domain.ts): an administration change reaches the instance that made it at once
 * (`catalogChanged`) and every other instance at its next look (`refreshIfChanged`, every DOMAIN_REFRESH_MS),
 * on both databases.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { createLiveDomain, type LiveDomain } from "../../bot-server/src/domain.js";
import { seed } from "../../bot-server/src/seed.js";
import { upsertShippedDocuments } from "../../bot-server/src/store/catalog.js";
import { catalogChanged } from "../../bot-server/src/use-cases/catalog-changed.js";
import { schemePlans } from "../../shared/data/scheme-plans.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";

const NOW = "2026-12-02T03:00:00.000Z"; // Wednesday 02/12/2026, 10:00 in Việt Nam
const QUANG_KHE = "24631";

const cutoffOf = (d: LiveDomain): string | undefined => {
  const s = d.scheme.schemeStatusAt(QUANG_KHE, NOW);
  return "intakeCutoff" in s ? s.intakeCutoff : undefined;
};

forEachDatabase((name, open) => {
  let t: TestDatabase;
  let here: LiveDomain;
  let there: LiveDomain;

  beforeAll(async () => {
    t = await open();
    await seed(t.db, { now: NOW, demoAccounts: false });
    here = await createLiveDomain(t.db, { refreshMs: 0 });
    there = await createLiveDomain(t.connectAgain().db, { refreshMs: 0 });
  });
  afterAll(() => {
    here?.stop();
    there?.stop();
  });

  it(`${name}: a changed cut-off is seen here at once and on the other instance at its next look`, async () => {
    expect(cutoffOf(here)).toBe("15:00");
    const plan = schemePlans.find((p) => p.id.startsWith("lam-dong"))!;
    await upsertShippedDocuments(
      t.db,
      [
        {
          kind: "scheme_plan",
          id: plan.id,
          validFrom: plan.validFrom,
          validTo: null,
          body: { ...plan, intakeCutoff: "14:00" },
        },
      ],
      NOW,
    );
    await catalogChanged({ db: t.db, domain: here, clock: { now: () => new Date(NOW) } }, "tinh.quantri");
    expect(cutoffOf(here)).toBe("14:00");
    expect(cutoffOf(there)).toBe("15:00");
    expect(await there.refreshIfChanged()).toBe(true);
    expect(cutoffOf(there)).toBe("14:00");
    expect(await there.refreshIfChanged()).toBe(false);
  });
});
