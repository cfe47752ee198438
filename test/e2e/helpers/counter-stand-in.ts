/**
 * The counter's side of the citizen path. Until the officer console exposes intake, the counter is stood in
 * for by writing what intake writes (a dossier row linked to the pre-registration, then its state) into the
 * server's SQLite file, with the server team's dossier fixture. Labelled as a stand-in wherever it is used.
 */
import type { Kysely } from "kysely";
import { openDatabase, parseDatabaseUrl, type DatabaseHandle } from "../../../bot-server/src/store/connect.js";
import type { Database } from "../../../bot-server/src/store/database.js";
import { insertDossier } from "../../helpers/dossier-rows.js";

export interface CounterStandIn {
  /** Receive the pre-registration with this human code as a dossier; returns the dossier code. */
  receive(preRegistrationCode: string, dossierCode: string, receivedAt: string, dueDate: string): Promise<string>;
  setState(dossierCode: string, state: string, at: string): Promise<void>;
  close(): Promise<void>;
}

export function counterStandIn(databaseUrl: string): CounterStandIn {
  const parsed = parseDatabaseUrl(databaseUrl);
  if (!parsed.ok) throw new Error(parsed.error.messageEn);
  const handle: DatabaseHandle = openDatabase(parsed.config);
  const db = handle.db as Kysely<Database>;
  return {
    async receive(code, dossierCode, receivedAt, dueDate) {
      const pre = await db.selectFrom("pre_registrations").selectAll().where("code", "=", code).executeTakeFirstOrThrow();
      const id = await insertDossier(db, {
        code: dossierCode,
        state: "received",
        track: "same-day",
        dueDate,
        receivedAt,
        receivingUnitId: pre.unit_id,
        procedureCode: pre.procedure_code,
        procedureVersionId: pre.procedure_version_id,
        preRegistrationId: pre.id,
        citizenId: pre.citizen_id,
      });
      await db.updateTable("pre_registrations").set({ status: "finalised", dossier_id: id, updated_at: receivedAt }).where("id", "=", pre.id).execute();
      return dossierCode;
    },
    async setState(dossierCode, state, at) {
      await db
        .updateTable("dossiers")
        .set({ state, updated_at: at, ...(state === "result_ready" ? { result_ready_at: at } : {}) })
        .where("code", "=", dossierCode)
        .execute();
    },
    close: () => handle.close(),
  };
}
