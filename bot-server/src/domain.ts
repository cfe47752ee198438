/**
 * The catalogue in force, loaded from the database (seeded from shared/data, editable by administrators):
 * units with history, procedure versions and fees, the working-day calendar and the scheme plans, wrapped in
 * the pure shared/ functions. Loaded at start and held by a live domain (`createLiveDomain`): an administrator's
 * edit reloads it at once in the process that made it (`catalogChanged` in use-cases/catalog-changed.ts) and, in
 * every other instance, within `DOMAIN_REFRESH_MS` (default 5 s), when the stored catalogue revision moves.
 */
import type { Kysely } from "kysely";
import { ADMIN_CALENDAR_PREFIX, withAdminYears, type AdminCalendarYear } from "../../shared/calendar/admin-calendar.js";
import type { CalendarData, CalendarYear } from "../../shared/calendar/calendar-data.js";
import { createCalendar, type Calendar } from "../../shared/calendar/calendar.js";
import type { FeeEntry } from "../../shared/data/fees.js";
import { createCatalog, type ProcedureCatalog } from "../../shared/procedures/catalog.js";
import { buildFormSchema, type FormSchema } from "../../shared/procedures/form-schema.js";
import type { ProcedureVersion } from "../../shared/procedures/procedure-version.js";
import { createUnitDirectory, type UnitDirectory } from "../../shared/units/unit-directory.js";
import { createDomain, type SchemeDomain } from "../../shared/scheme/decide-track.js";
import type { PlanParticipation } from "../../shared/scheme/plan-participation.js";
import type { SchemePlan } from "../../shared/scheme/scheme-plan.js";
import { createUnderstand, type Understand } from "../../shared/chatbot/understand.js";
import { loadDocuments, readCatalogRevision, type CatalogDocument } from "./store/catalog.js";
import type { Database } from "./store/database.js";
import { loadUnits } from "./store/units.js";

export interface Domain {
  units: UnitDirectory;
  catalog: ProcedureCatalog;
  calendar: Calendar;
  scheme: SchemeDomain;
  /** The zod schema of a procedure version's form (built once per version). */
  formSchema(versionId: string): FormSchema | undefined;
}

type CalendarYearDoc = CalendarYear & { calendarId: string; calendarName: string; year: string };

export async function loadDomain(db: Kysely<Database>): Promise<Domain> {
  const [unitsData, versions, fees, years, plans, participation] = await Promise.all([
    loadUnits(db),
    loadDocuments<ProcedureVersion>(db, "procedure_version"),
    loadDocuments<FeeEntry>(db, "fee"),
    loadDocuments<CalendarYearDoc | AdminCalendarYear>(db, "calendar_year"),
    loadDocuments<SchemePlan>(db, "scheme_plan"),
    loadDocuments<PlanParticipation>(db, "plan_participation"),
  ]);
  const units = createUnitDirectory(unitsData);
  const catalog = createCatalog(
    versions.map((d) => d.body),
    fees.map((d) => d.body),
  );
  const calendar = createCalendar(calendarDataFrom(years));
  const schemas = new Map<string, FormSchema>();
  return {
    units,
    catalog,
    calendar,
    scheme: createDomain({
      units,
      catalog,
      calendar,
      plans: plans.map((d) => d.body),
      participation: participation.map((d) => d.body),
    }),
    formSchema(versionId) {
      const cached = schemas.get(versionId);
      if (cached) return cached;
      const version = catalog.versionById(versionId);
      if (!version) return undefined;
      const schema = buildFormSchema(version.form);
      schemas.set(versionId, schema);
      return schema;
    },
  };
}

/**
 * The calendar in force: the shipped yearly documents, then the province administrator's years over them
 * (shared/calendar/admin-calendar.ts). `except`: leave out the administrator's entry for that day (to tell what the
 * day is by the rule alone).
 */
export function calendarDataFrom(
  docs: readonly CatalogDocument<CalendarYearDoc | AdminCalendarYear>[],
  except?: string,
): CalendarData {
  const isAdmin = (d: CatalogDocument<unknown>) => d.origin === "admin" && d.id.startsWith(ADMIN_CALENDAR_PREFIX);
  const shipped = docs.filter((d) => !isAdmin(d)).map((d) => d.body as CalendarYearDoc);
  const admin = docs.filter(isAdmin).map((d) => d.body as AdminCalendarYear);
  return withAdminYears(calendarFrom(shipped), admin, except);
}

/** One calendar from its yearly documents (the most recent calendar id wins when several exist). */
function calendarFrom(years: CalendarYearDoc[]): CalendarData {
  const first = years[years.length - 1];
  const id = first?.calendarId ?? "empty";
  const chosen = years.filter((y) => y.calendarId === id);
  return {
    id,
    name: first?.calendarName ?? "Lịch làm việc",
    years: Object.fromEntries(chosen.map(({ calendarId: _c, calendarName: _n, year, ...rest }) => [year, rest])),
  };
}

/**
 * The domain in force, swapped whole when the catalogue changes. Readers keep `deps.domain` and read its fields at
 * use (never copy `deps.domain.units` into a long-lived object), so a reload reaches them.
 */
export interface LiveDomain extends Domain {
  /** Reload now (after this process changed the catalogue). */
  reload(): Promise<void>;
  /** Reload if another instance moved the stored revision since the last look; true when it did. */
  refreshIfChanged(): Promise<boolean>;
  /** The revision the loaded domain reflects. */
  readonly revision: string;
  /** Stops the periodic look (at shutdown). */
  stop(): void;
}

export async function createLiveDomain(
  db: Kysely<Database>,
  options: { refreshMs: number; onError?: (e: unknown) => void },
): Promise<LiveDomain> {
  let revision = await readCatalogRevision(db);
  let current = await loadDomain(db);
  let loading: Promise<void> | undefined;
  const load = (): Promise<void> =>
    (loading ??= (async () => {
      try {
        const seen = await readCatalogRevision(db);
        current = await loadDomain(db);
        revision = seen;
      } finally {
        loading = undefined;
      }
    })());
  const timer =
    options.refreshMs > 0
      ? setInterval(() => {
          live.refreshIfChanged().catch((e: unknown) => options.onError?.(e));
        }, options.refreshMs)
      : undefined;
  timer?.unref();
  const live: LiveDomain = {
    get units() {
      return current.units;
    },
    get catalog() {
      return current.catalog;
    },
    get calendar() {
      return current.calendar;
    },
    get scheme() {
      return current.scheme;
    },
    formSchema: (versionId) => current.formSchema(versionId),
    get revision() {
      return revision;
    },
    reload: load,
    async refreshIfChanged() {
      if ((await readCatalogRevision(db)) === revision) return false;
      await load();
      return true;
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
  return live;
}

const understanders = new WeakMap<ProcedureCatalog, Understand>();

/** The chatbot's understanding of the domain in force (built once per loaded catalogue). */
export function understandOf(domain: Domain): Understand {
  let understand = understanders.get(domain.catalog);
  if (!understand) {
    understand = createUnderstand({ units: domain.units, catalog: domain.catalog });
    understanders.set(domain.catalog, understand);
  }
  return understand;
}
