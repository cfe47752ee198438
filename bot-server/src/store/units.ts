/** Administrative units and successions in the database (seeded from shared/data, imported per province). */
import type { Kysely } from "kysely";
import type { AdminUnit, UnitsData, UnitSuccession } from "../../../shared/model.js";
import { searchKey } from "../../../shared/units/unit-search.js";
import type { Database } from "./database.js";

type Db = Kysely<Database>;
const CHUNK = 200;

/** Inserts or refreshes units and successions (shipped data wins for the same id). */
export async function upsertUnits(db: Db, data: UnitsData): Promise<void> {
  // Parents first: units.parent_id references units.id.
  const ordered = [...data.units].sort((a, b) => depth(a, data.units) - depth(b, data.units));
  for (let i = 0; i < ordered.length; i += CHUNK) {
    const rows = ordered.slice(i, i + CHUNK).map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      type: u.type,
      level: u.level,
      parent_id: u.parentId ?? null,
      valid_from: u.validFrom,
      valid_to: u.validTo ?? null,
      folded_name: searchKey(u.name),
      source: u.source,
    }));
    await db
      .insertInto("units")
      .values(rows)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          code: eb.ref("excluded.code"),
          name: eb.ref("excluded.name"),
          type: eb.ref("excluded.type"),
          level: eb.ref("excluded.level"),
          parent_id: eb.ref("excluded.parent_id"),
          valid_from: eb.ref("excluded.valid_from"),
          valid_to: eb.ref("excluded.valid_to"),
          folded_name: eb.ref("excluded.folded_name"),
          source: eb.ref("excluded.source"),
        })),
      )
      .execute();
  }
  for (let i = 0; i < data.successions.length; i += CHUNK) {
    const rows = data.successions.slice(i, i + CHUNK).map((s) => ({
      from_id: s.fromId,
      to_id: s.toId,
      effective_date: s.effectiveDate,
      legal_basis: s.legalBasis,
    }));
    await db
      .insertInto("unit_successions")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["from_id", "to_id"]).doUpdateSet((eb) => ({
          effective_date: eb.ref("excluded.effective_date"),
          legal_basis: eb.ref("excluded.legal_basis"),
        })),
      )
      .execute();
  }
}

function depth(u: AdminUnit, all: readonly AdminUnit[]): number {
  let d = 0;
  let parent = u.parentId;
  while (parent !== undefined && d < 10) {
    d++;
    parent = all.find((x) => x.id === parent)?.parentId;
  }
  return d;
}

export async function loadUnits(db: Db): Promise<UnitsData> {
  const [units, successions] = await Promise.all([
    db.selectFrom("units").selectAll().orderBy("id").execute(),
    db.selectFrom("unit_successions").selectAll().orderBy("from_id").orderBy("to_id").execute(),
  ]);
  return {
    units: units.map((r): AdminUnit => ({
      id: r.id,
      code: r.code,
      name: r.name,
      type: r.type as AdminUnit["type"],
      level: r.level as AdminUnit["level"],
      ...(r.parent_id ? { parentId: r.parent_id } : {}),
      validFrom: r.valid_from,
      ...(r.valid_to ? { validTo: r.valid_to } : {}),
      source: r.source,
    })),
    successions: successions.map((r): UnitSuccession => ({
      fromId: r.from_id,
      toId: r.to_id,
      effectiveDate: r.effective_date,
      legalBasis: r.legal_basis,
    })),
  };
}

/** The unit with this GSO code in force on `date` (YYYY-MM-DD): its id and name. */
export async function findUnitByCode(
  db: Db,
  code: string,
  date: string,
): Promise<{ id: string; name: string; level: string } | undefined> {
  const rows = await db
    .selectFrom("units")
    .select(["id", "name", "level", "valid_from", "valid_to"])
    .where("code", "=", code)
    .orderBy("valid_from", "desc")
    .execute();
  const row = rows.find((r) => r.valid_from <= date && (r.valid_to === null || r.valid_to >= date));
  return row && { id: row.id, name: row.name, level: row.level };
}
