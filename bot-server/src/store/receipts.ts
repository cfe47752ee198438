/**
 * The writes of a dossier received at the counter (use-cases/receive-dossier.ts): its number of the day, the dossier,
 * its "receive" event, the outbox row of the receipt notification, the audit lines and the finalised
 * pre-registration, all in one transaction.
 *
 * The numbering row of an agency's day (sequences.ts) stays locked from its update to the commit, so the intakes of
 * one unit queue on it. Receipts are therefore group-committed (group-commit.ts): those that arrive while a batch
 * is being written share the next transaction, which takes the row once for as many numbers as it needs and holds
 * it only over the one INSERT of everyone's rows (insert-together.ts) and the COMMIT. Numbers stay without gaps or
 * duplicates: they are consumed only by the commit that writes their dossiers, and when a batch fails each receipt
 * is retried alone, so only the bad one fails. Every caller waits for the commit that holds its receipt.
 *
 * Rows are locked in one order in every batch (pre-registrations, then numbering rows, then saved drafts, each by
 * key), so two batches, of two instances, never wait on each other in a cycle.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { auditRow, type AuditEntry } from "./audit.js";
import type { Database } from "./database.js";
import { dossierEventRow, dossierRow, saveDossier, type DossierRecord, type NewDossierEvent } from "./dossiers.js";
import { createBatcher, type Batcher } from "./group-commit.js";
import { insertTogether } from "./insert-together.js";
import { outboxRow, type NewOutboxRow } from "./outbox.js";
import { updatePreRegistration, type PreRegistrationChanges } from "./pre-registrations.js";
import { nextDossierSequence } from "./sequences.js";

type Db = Kysely<Database>;

/** What a receipt writes once its number is known. */
export interface ReceiptRows {
  dossier: DossierRecord;
  /** A draft saved earlier: updated if it is still a draft (else StaleDossierError), instead of inserted. */
  existing: boolean;
  event: Omit<NewDossierEvent, "dossierId">;
  /** The notification (dossier and event filled in here); none is written for a training dossier. */
  outbox?: Omit<NewOutboxRow, "dossierId" | "eventId">;
  audits: AuditEntry[];
}

export interface Receipt {
  /** The numbering: agency code (with its training prefix) and day "yyMMdd". */
  agencyCode: string;
  day: string;
  /** Changed with the receipt (finalised, linked to the dossier). */
  preRegistration?: { id: string; changes: PreRegistrationChanges };
  /** The rows for this number; called inside the transaction, and again if the batch is retried. */
  rows(sequence: number): ReceiptRows;
}

/** The saved draft was moved by someone else first (another officer received, refused or discarded it). */
export class StaleDossierError extends Error {}

/** Resolves to the dossier as written, once committed. */
export type ReceiptWriter = Batcher<Receipt, DossierRecord>;

const MAX_BATCH = 64;

export function createReceiptWriter(db: Db): ReceiptWriter {
  return createBatcher((items) => db.transaction().execute((trx) => writeReceipts(trx, items)), undefined, MAX_BATCH);
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

async function writeReceipts(trx: Db, items: readonly Receipt[]): Promise<DossierRecord[]> {
  const pres = items.flatMap((r) => (r.preRegistration ? [r.preRegistration] : [])).sort(byKey((p) => p.id));
  for (const p of pres) await updatePreRegistration(trx, p.id, p.changes);

  const groups = new Map<string, { agencyCode: string; day: string; members: number[] }>();
  items.forEach((r, i) => {
    const key = `${r.agencyCode} ${r.day}`;
    const g = groups.get(key) ?? { agencyCode: r.agencyCode, day: r.day, members: [] };
    g.members.push(i);
    groups.set(key, g);
  });
  const numbers: number[] = [];
  for (const [, g] of [...groups].sort(byKey(([key]) => key))) {
    const last = await nextDossierSequence(trx, g.agencyCode, g.day, g.members.length);
    g.members.forEach((i, j) => (numbers[i] = last - g.members.length + 1 + j));
  }

  const rows = items.map((r, i) => ({ ...r.rows(numbers[i]!), eventId: randomUUID() }));
  for (const r of rows.filter((r) => r.existing).sort(byKey((r) => r.dossier.id)))
    if (!(await saveDossier(trx, r.dossier, "draft"))) throw new StaleDossierError();
  await insertTogether(trx, [
    { table: "dossiers", rows: rows.filter((r) => !r.existing).map((r) => dossierRow(r.dossier)) },
    {
      table: "dossier_events",
      rows: rows.map((r) =>
        dossierEventRow(r.eventId, { ...r.event, dossierId: r.dossier.id }, r.existing ? "next" : 1),
      ),
    },
    {
      table: "outbox",
      rows: rows.flatMap((r) => {
        const o =
          r.outbox &&
          outboxRow({ ...r.outbox, dossierId: r.dossier.id, eventId: r.eventId }, r.dossier.training === true);
        return o ? [o] : [];
      }),
    },
    { table: "audit_log", rows: rows.flatMap((r) => r.audits.map(auditRow)) },
  ]);
  return rows.map((r) => r.dossier);
}
