/**
 * After an administrator changes the catalogue (units, plans, procedure versions, the calendar, a confirmation):
 * move the stored revision so the other instances reload within DOMAIN_REFRESH_MS, and reload this one at once, so
 * the public answers of this instance follow the change immediately.
 */
import type { Deps } from "../deps.js";
import { bumpCatalogRevision } from "../store/catalog.js";

export async function catalogChanged(deps: Pick<Deps, "db" | "domain" | "clock">, by: string | null): Promise<void> {
  await bumpCatalogRevision(deps.db, deps.clock.now().toISOString(), by);
  await deps.domain.reload();
}
