/**
 * The office telephone and address the unit entered, kept in memory for the public pages: read once, then served
 * as held while a fresh copy is read in the background once it is older than `maxAgeMs`. A page therefore never
 * waits for the database except the first time a unit is shown, and a change in the console shows within about a
 * minute.
 */
import type { Kysely } from "kysely";
import type { Database } from "../store/database.js";
import { readOfficeContact, type OfficeContact } from "../store/unit-contacts.js";

interface Held {
  contact: OfficeContact | null;
  readAt: number;
  refreshing?: Promise<OfficeContact | null>;
}

export interface OfficeContactCache {
  get(unitId: string): OfficeContact | null | Promise<OfficeContact | null>;
}

export function createOfficeContactCache(
  db: Kysely<Database>,
  now: () => number,
  maxAgeMs = 60_000,
): OfficeContactCache {
  const held = new Map<string, Held>();

  function read(unitId: string, entry: Held | undefined): Promise<OfficeContact | null> {
    if (entry?.refreshing) return entry.refreshing;
    const started = now();
    const refreshing = readOfficeContact(db, unitId).then(
      (c) => {
        const contact = c ? { phone: c.phone, address: c.address } : null;
        held.set(unitId, { contact, readAt: started });
        return contact;
      },
      (e: unknown) => {
        // Keep serving what was held; the next request tries again.
        const h = held.get(unitId);
        if (h) delete h.refreshing;
        if (!entry) held.delete(unitId);
        throw e;
      },
    );
    if (entry) entry.refreshing = refreshing;
    else held.set(unitId, { contact: null, readAt: -Infinity, refreshing });
    return refreshing;
  }

  return {
    get(unitId) {
      const entry = held.get(unitId);
      if (!entry || entry.readAt === -Infinity) return read(unitId, entry);
      // Either way: a clock set back (tests, a corrected server clock) also asks for a fresh copy.
      if (Math.abs(now() - entry.readAt) > maxAgeMs) read(unitId, entry).catch(() => {});
      return entry.contact;
    },
  };
}
