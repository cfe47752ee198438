/**
 * Seed at every start (idempotent): the shipped units and successions, the catalogue (procedure versions, fees,
 * calendar years, scheme plans, agency codes) as catalog_documents of origin "shipped", and at first start the
 * demo unit's officer accounts, whose random passwords are returned once for printing and never stored in clear.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Kysely } from "kysely";
import type { UnitsData } from "../../shared/model.js";
import { daknongUnits } from "../../shared/units/unit-directory.js";
import { procedureVersions } from "../../shared/data/procedures/procedure-versions.js";
import { feeSchedule } from "../../shared/data/fees.js";
import { VN_CIVIL_SERVICE_CALENDAR } from "../../shared/data/calendar-vn.js";
import { AGENCY_CODES } from "../../shared/dossier/agency-codes.js";
import { schemePlans } from "../../shared/data/scheme-plans.js";
import type { Database } from "./store/database.js";
import { upsertShippedDocuments, type CatalogDocument } from "./store/catalog.js";
import { upsertUnits } from "./store/units.js";
import { insertOfficerUnlessTaken, setDelegateOf, takenUsernames } from "./store/users.js";

type Db = Kysely<Database>;

/** xã Quảng Khê (Lâm Đồng, from 1/7/2025): a 2023 pilot commune, kept under its code after the merger. */
export const DEMO_UNIT_ID = "24631@2025-07-01";
export const DEMO_PROVINCE_ID = "68@2025-07-01";

export interface DemoAccount {
  username: string;
  role: string;
  displayName: string;
  unitId: string | null;
  /** Username of the leader this account approves for while the leader is away. */
  delegateFor?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: "quangkhe.motcua",
    role: "counter_officer",
    displayName: "Công chức Một cửa (minh họa)",
    unitId: DEMO_UNIT_ID,
  },
  {
    username: "quangkhe.xuly",
    role: "processing_officer",
    displayName: "Công chức xử lý hồ sơ (minh họa)",
    unitId: DEMO_UNIT_ID,
  },
  { username: "quangkhe.chutich", role: "leader", displayName: "Chủ tịch UBND xã (minh họa)", unitId: DEMO_UNIT_ID },
  {
    username: "quangkhe.phochutich",
    role: "leader",
    displayName: "Phó Chủ tịch UBND xã, duyệt thay (minh họa)",
    unitId: DEMO_UNIT_ID,
    delegateFor: "quangkhe.chutich",
  },
  { username: "quangkhe.quantri", role: "unit_admin", displayName: "Quản trị đơn vị (minh họa)", unitId: DEMO_UNIT_ID },
  {
    username: "tinh.theodoi",
    role: "province_viewer",
    displayName: "Theo dõi cấp tỉnh (minh họa)",
    unitId: DEMO_PROVINCE_ID,
  },
  {
    username: "tinh.quantri",
    role: "province_admin",
    displayName: "Quản trị cấp tỉnh (minh họa)",
    unitId: DEMO_PROVINCE_ID,
  },
  {
    username: "quangkhe.tinhnguyen",
    role: "volunteer",
    displayName: "Đoàn viên tình nguyện (minh họa)",
    unitId: DEMO_UNIT_ID,
  },
];

export interface SeedOptions {
  units?: UnitsData;
  now: string;
  /** Create the demo officer accounts when missing (default true). */
  demoAccounts?: boolean;
}

export interface SeedReport {
  /** Accounts created by this run with their one-time passwords (empty on later starts). */
  createdAccounts: { username: string; role: string; password: string }[];
}

export async function seed(db: Db, options: SeedOptions): Promise<SeedReport> {
  await upsertUnits(db, options.units ?? daknongUnits);
  await upsertShippedDocuments(db, shippedDocuments(), options.now);
  const createdAccounts = options.demoAccounts === false ? [] : await seedDemoAccounts(db, options.now);
  return { createdAccounts };
}

export function shippedDocuments(): Omit<CatalogDocument, "origin">[] {
  const cal = VN_CIVIL_SERVICE_CALENDAR;
  return [
    ...procedureVersions.map((v) => ({
      kind: "procedure_version" as const,
      id: v.id,
      validFrom: v.validFrom,
      validTo: v.validTo ?? null,
      body: v,
    })),
    ...feeSchedule.map((f) => ({
      kind: "fee" as const,
      id: `${f.provinceCode}:${f.procedureCode}@${f.validFrom}`,
      validFrom: f.validFrom,
      validTo: f.validTo ?? null,
      body: f,
    })),
    ...Object.entries(cal.years).map(([year, body]) => ({
      kind: "calendar_year" as const,
      id: `${cal.id}:${year}`,
      validFrom: `${year}-01-01`,
      validTo: `${year}-12-31`,
      body: { calendarId: cal.id, calendarName: cal.name, year, ...body },
    })),
    ...schemePlans.map((p) => ({
      kind: "scheme_plan" as const,
      id: p.id,
      validFrom: p.validFrom,
      validTo: p.validTo ?? null,
      body: p,
    })),
    ...AGENCY_CODES.map((a) => ({
      kind: "agency_code" as const,
      id: a.unitId,
      validFrom: null,
      validTo: null,
      body: a,
    })),
  ];
}

/** Readable one-time passwords: 16 characters without look-alikes. */
function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzACDEFHJKMNPRTUVWXY34679";
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join("");
}

async function seedDemoAccounts(db: Db, now: string): Promise<SeedReport["createdAccounts"]> {
  const existing = await takenUsernames(
    db,
    DEMO_ACCOUNTS.map((a) => a.username),
  );
  const created: SeedReport["createdAccounts"] = [];
  const ids = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    if (existing.has(a.username)) continue;
    const password = generatePassword();
    const id = randomUUID();
    ids.set(a.username, id);
    await insertOfficerUnlessTaken(db, {
      id,
      username: a.username,
      passwordHash: await hash(password),
      displayName: a.displayName,
      role: a.role,
      unitId: a.unitId,
      now,
    });
    created.push({ username: a.username, role: a.role, password });
  }
  for (const a of DEMO_ACCOUNTS) {
    if (!a.delegateFor || !ids.has(a.username)) continue;
    await setDelegateOf(db, ids.get(a.username)!, a.delegateFor);
  }
  return created;
}

/** The text printed once to stdout at first start (not through the logger). */
export function formatCreatedAccounts(accounts: SeedReport["createdAccounts"], baseUrl: string): string {
  if (accounts.length === 0) return "";
  const width = Math.max(...accounts.map((a) => a.username.length));
  return [
    "",
    "Tài khoản cán bộ minh họa (xã Quảng Khê) / demo officer accounts — mật khẩu chỉ hiển thị MỘT lần / passwords are shown ONCE:",
    ...accounts.map((a) => `  ${a.username.padEnd(width)}  ${a.password}  (${a.role})`),
    `Đăng nhập tại / sign in at ${baseUrl}/console`,
    "",
  ].join("\n");
}
