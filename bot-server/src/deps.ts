/**
 * Everything a request handler or job may use, built once by main.ts (or by a test) and passed down.
 * No module-level singletons: a test builds its own Deps with its own database, clock and stand-ins.
 */
import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { Config } from "./config.js";
import type { Clock, SettableClock } from "./clock.js";
import type { Log } from "./log.js";
import type { Database } from "./store/database.js";
import type { DatabaseHandle } from "./store/connect.js";
import type { LiveDomain } from "./domain.js";
import type { ZaloGraph } from "./identity/zalo-graph.js";
import type { PreRegistrationWriter } from "./store/pre-registrations.js";
import type { ReceiptWriter } from "./store/receipts.js";
import type { SqliteReads } from "./store/sqlite-reads.js";
import type { TrainingUnit } from "./store/training.js";
import type { StatusCache } from "./use-cases/status-cache.js";
import type { ZaloHttp } from "./zalo/zalo-http.js";
import type { ZaloRuntime } from "./zalo/zalo-runtime.js";

export interface Deps {
  db: Kysely<Database>;
  /** Health checks and shutdown. */
  database: Pick<DatabaseHandle, "kind" | "ping" | "close">;
  clock: Clock;
  /** Present only when TEST_CLOCK=1: the same object as `clock`, settable through /__test/clock. */
  testClock?: SettableClock;
  config: Config;
  log: Log;
  /**
   * Catalogue in force (units, procedures, plans, calendar) loaded from the database; reloaded after an
   * administrator's change (at once here, within DOMAIN_REFRESH_MS on the other instances).
   */
  domain: LiveDomain;
  /** The one HTTP client of every call to Zalo (zalo/zalo-http.ts): Graph, OAuth, OA and Mini App Open APIs. */
  zaloHttp: ZaloHttp;
  /** Verifies mini-app access tokens; absent when Zalo is not configured. */
  zaloGraph?: ZaloGraph;
  /** HMAC key of slip status tokens (config or generated once and stored). */
  statusTokenSecret: string;
  /** Group-committed inserts of new pre-registrations with their audit entries. */
  preRegistrationWriter: PreRegistrationWriter;
  /** Group-committed receipts of dossiers at the counter (numbers of the day, dossiers, events, outbox, audit). */
  receiptWriter: ReceiptWriter;
  /** Prepared hot reads on a read-only SQLite connection (absent on PostgreSQL); closed with `database`. */
  sqliteReads?: SqliteReads;
  /** Recent public status answers (use-cases/status-cache.ts); forgotten when this process changes a dossier. */
  statusCache: StatusCache;
  /** With REDIS_URL: one shared connection (readiness, state shared by the instances); closed with `database`. */
  redis?: Redis;
  /**
   * Everything Zalo (zalo/zalo-runtime.ts): webhook keys, token store, the one OA client, the chatbot and its event
   * queue. Closed by `zalo.close()` (main.ts, after the notifications stop) and, at the latest, with `database`.
   */
  zalo: ZaloRuntime;
  /**
   * Only on a console request of an officer whose unit is in training mode (use-cases/training.ts, docs/admin/
   * training.md): `clock` then shows the training day, and what the intake creates is a training dossier.
   */
  training?: TrainingUnit & { realClock: Clock };
}
