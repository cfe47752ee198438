/**
 * The access matrix, kept true by a test: every console route × every role × own unit / other unit / no session,
 * and every citizen route of the public API × own / other citizen. The expected answers are the tables below; the
 * routes are read from what is actually mounted (the console's Express router stack, the public API's route
 * table), so a route added without a row here FAILS with a message naming it.
 *
 * Console: each subject (dossier, feedback, conversation, notification) belongs to Quảng Khê. "own" is an officer
 * of Quảng Khê, "other" the same role at Nam Đà. Cells read `own/other` (one value when both are the same), in
 * the order of ROLES, then `| <no session>`. Each cell gets a fresh subject and a fresh session, so one cell's
 * change never decides another's answer.
 *
 * Adding a route: one line in CONSOLE_MATRIX (or CITIZEN_MATRIX): the route as mounted, the request (a subject
 * maker below), the expected statuses.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Router } from "express";
import { apiRoutes } from "../../bot-server/src/api/routes.js";
import { OUTCOME_STATUS } from "../../bot-server/src/http/outcome-status.js";
import { consoleRouter } from "../../bot-server/src/console/console-router.js";
import { consoleRoutes } from "../../bot-server/src/console/console-routes.js";
import { SESSION_COOKIE } from "../../bot-server/src/console/session-auth.js";
import { insertDataRequest } from "../../bot-server/src/store/data-requests.js";
import { insertFeedback } from "../../bot-server/src/store/feedback.js";
import { insertSession } from "../../bot-server/src/store/sessions.js";
import { recordInteraction, updateConversation } from "../../bot-server/src/store/conversations.js";
import { CONSENT_NOTICE } from "../../shared/api/consent.js";
import type { Role } from "../../shared/data/lifecycle.js";
import { may } from "../../shared/officers/permissions.js";
import { insertDeadLetter } from "../console/helpers/dead-letter-rows.js";
import { maritalIntake } from "../console/helpers/intake-fixtures.js";
import { createOfficer, NAM_DA, QUANG_KHE } from "../console/helpers/console-server.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";

const ROLES = [
  "counter_officer",
  "processing_officer",
  "leader",
  "unit_admin",
  "province_viewer",
  "volunteer",
  "province_admin",
] as const satisfies readonly Role[];

/** Where each role's "own" and "other" officers sit: a unit officer at Quảng Khê / Nam Đà, a province administrator
 * of Quảng Khê's province (Lâm Đồng) / of another (the former Đắk Nông), a province viewer without a unit. */
const UNIT_OF: Record<(typeof ROLES)[number], { own: string | null; other: string | null }> = {
  counter_officer: { own: QUANG_KHE, other: NAM_DA },
  processing_officer: { own: QUANG_KHE, other: NAM_DA },
  leader: { own: QUANG_KHE, other: NAM_DA },
  unit_admin: { own: QUANG_KHE, other: NAM_DA },
  province_viewer: { own: null, other: null },
  volunteer: { own: QUANG_KHE, other: NAM_DA },
  province_admin: { own: "68@2025-07-01", other: "67@2020-03-01" },
};

// ---------------------------------------------------------------- subjects and requests

interface Ctx {
  t: TestDatabase;
  app: TestApp;
  /** A conversation reference waiting at Quảng Khê (made fresh). */
  conversation(): Promise<string>;
}

interface ConsoleRequest {
  path: string;
  body?: unknown;
  /** For a route that answers 200 with per-item outcomes: the status the item's outcome stands for. */
  judge?: (res: Response) => Promise<number>;
}

type Maker = (c: Ctx) => Promise<ConsoleRequest>;

let serial = 0;
const nextCode = () => `000.00.06.H98-251015-${String(7000 + (serial += 1)).padStart(4, "0")}`;
const dossierIn = (c: Ctx, state: string) =>
  insertDossier(c.t.db, { code: nextCode(), state, track: "same-day", receivingUnitId: QUANG_KHE });

/** A fixed path, no subject. */
const at =
  (path: string, body?: unknown): Maker =>
  () =>
    Promise.resolve({ path, ...(body !== undefined ? { body } : {}) });
/** A path with `:id` of a fresh Quảng Khê dossier in `state`. */
const dossier =
  (state: string, path: string, body?: unknown): Maker =>
  async (c) => ({ path: path.replace(":id", await dossierIn(c, state)), ...(body !== undefined ? { body } : {}) });
/** A fresh Quảng Khê dossier in `state` named in the body. */
const dossierInBody =
  (state: string, path: string, body: (id: string) => unknown): Maker =>
  async (c) => ({ path, body: body(await dossierIn(c, state)), judge: firstItem });
/** `{ results: [{ ok, code }] }`: 200 for a done item, else the status of its error code. */
const firstItem = async (res: Response) => {
  if (res.status !== 200) return res.status;
  const item = ((await res.json()) as { results: { ok: boolean; code?: keyof typeof OUTCOME_STATUS }[] }).results[0]!;
  return item.ok ? 200 : OUTCOME_STATUS[item.code!];
};
const feedback =
  (path: string, body?: unknown): Maker =>
  async (c) => {
    const citizenId = randomUUID();
    await c.t.db
      .insertInto("citizens")
      .values({
        id: citizenId,
        zalo_user_id: null,
        zalo_oa_user_id: null,
        device_token_hash: randomBytes(16).toString("hex"),
        display_name: null,
        phone: null,
        phone_consent_at: null,
        notify_opt_in_at: null,
        oa_followed: 0,
        oa_last_interaction_at: null,
        created_at: "2025-07-16T01:00:00.000Z",
        updated_at: "2025-07-16T01:00:00.000Z",
      })
      .execute();
    const id = await insertFeedback(c.t.db, {
      dossierId: null,
      unitId: QUANG_KHE,
      citizenId,
      kind: "suggestion",
      rating: null,
      text: "Góp ý",
      status: "open",
      now: "2025-07-16T01:00:00.000Z",
    });
    return { path: path.replace(":id", id), ...(body !== undefined ? { body } : {}) };
  };
const deadLetter =
  (path: string): Maker =>
  async (c) => {
    const dossierId = await dossierIn(c, "result_ready");
    const id = await insertDeadLetter(c.t.db, { dossierId, errors: ["http_500"], at: "2025-07-16T01:00:00.000Z" });
    return { path: path.replace(":outboxId", id) };
  };
/** A correction request of a citizen addressed to Quảng Khê. */
const dataRequest =
  (path: string, body?: unknown): Maker =>
  async (c) => {
    const citizenId = randomUUID();
    await c.t.db
      .insertInto("citizens")
      .values({
        id: citizenId,
        zalo_user_id: null,
        zalo_oa_user_id: null,
        device_token_hash: randomBytes(16).toString("hex"),
        display_name: null,
        phone: null,
        phone_consent_at: null,
        notify_opt_in_at: null,
        oa_followed: 0,
        oa_last_interaction_at: null,
        created_at: "2025-07-16T01:00:00.000Z",
        updated_at: "2025-07-16T01:00:00.000Z",
      })
      .execute();
    const r = await insertDataRequest(c.t.db, {
      citizenId,
      unitId: QUANG_KHE,
      subject: "other",
      reference: null,
      text: "Sửa số điện thoại",
      now: "2025-07-16T01:00:00.000Z",
    });
    return { path: path.replace(":id", r.id), ...(body !== undefined ? { body } : {}) };
  };
const conversation =
  (path: string): Maker =>
  async (c) => ({ path: path.replace(":id", await c.conversation()) });
/** A Quảng Khê dossier code typed at the intake screen. */
const lookupOfDossier: Maker = async (c) => {
  const code = nextCode();
  await insertDossier(c.t.db, { code, state: "received", receivingUnitId: QUANG_KHE });
  return { path: "/console/api/intake/lookup", body: { code } };
};

/** A fresh counter officer's account at Quảng Khê as `:id`. */
const account =
  (path: string, body: unknown): Maker =>
  async (c) => ({
    path: path.replace(":id", await createOfficer(c.app.deps, `am-acc-${(serial += 1)}`, "counter_officer", QUANG_KHE)),
    body,
  });
/** A new counter officer's account at Quảng Khê, with a user name not yet taken. */
const newAccount: Maker = () =>
  Promise.resolve({
    path: "/console/api/admin/accounts",
    body: {
      username: `am-new-${(serial += 1)}`,
      displayName: "Cán bộ mới",
      role: "counter_officer",
      unitId: QUANG_KHE,
    },
  });

/** A complete intake of 1.004873, so each role reaches the role check rather than a validation error. */
const INTAKE = maritalIntake();

/**
 * route as mounted → request maker → `counter processing leader unit_admin province_viewer volunteer province_admin | none`.
 * 4xx answers that come from validation (400/422) mean the role got past the access check. Without a session a
 * state change is refused by the CSRF check first (403), a read by the sign-in check (401).
 */
const CONSOLE_MATRIX: [string, Maker, string][] = [
  ["GET /api/session", at("/console/api/session"), "200 200 200 200 200 200 200 | 200"],
  ["POST /api/login", at("/console/api/login", {}), "400 400 400 400 400 400 400 | 403"],
  ["POST /api/logout", at("/console/api/logout"), "200 200 200 200 200 200 200 | 403"],
  ["GET /api/board", at("/console/api/board"), "200 200 200 200 200 200 200 | 401"],
  ["GET /api/queues/:queue", at("/console/api/queues/approval"), "200 200 200 200 200 200 200 | 401"],
  ["GET /api/procedures", at("/console/api/procedures"), "200 200 200 200 200 200 200 | 401"],
  ["POST /api/intake/lookup", lookupOfDossier, "200/404 200/404 200/404 200/404 200 200/404 200 | 403"],
  ["POST /api/intake/decide", at("/console/api/intake/decide", INTAKE), "200 200 200 200 422 200 404 | 403"],
  ["POST /api/intake/drafts", at("/console/api/intake/drafts", INTAKE), "200 403 403 403 403 200 403 | 403"],
  ["POST /api/intake/receive", at("/console/api/intake/receive", INTAKE), "200 403 403 403 422 403 404 | 403"],
  [
    "POST /api/intake/incomplete",
    at("/console/api/intake/incomplete", { ...INTAKE, missingDocuments: [{ name: "Tờ khai" }] }),
    "200 403 403 403 422 403 404 | 403",
  ],
  [
    "POST /api/intake/refuse",
    at("/console/api/intake/refuse", { ...INTAKE, reasons: ["Không thuộc thẩm quyền"] }),
    "200 403 403 403 422 403 404 | 403",
  ],
  [
    "GET /api/dossiers/:id",
    dossier("received", "/console/api/dossiers/:id"),
    "200/404 200/404 200/404 200/404 200 200/404 200 | 401",
  ],
  [
    "POST /api/dossiers/:id/events",
    dossier("received", "/console/api/dossiers/:id/events", { event: "start_processing" }),
    "200/404 200/404 403/404 403/404 403 403/404 403 | 403",
  ],
  [
    "GET /api/dossiers/:id/forms/:form",
    dossier("received", "/console/api/dossiers/:id/forms/01"),
    "200/404 200/404 200/404 200/404 200 200/404 200 | 401",
  ],
  [
    "POST /api/approvals/batch",
    dossierInBody("awaiting_approval", "/console/api/approvals/batch", (id) => ({ ids: [id] })),
    "403/404 403/404 200/404 403/404 403 403/404 403 | 403",
  ],
  ["GET /api/alerts", at("/console/api/alerts"), "200 200 200 200 200 200 200 | 401"],
  [
    "PUT /api/settings/alert",
    at("/console/api/settings/alert", { minutesBeforeEnd: 60 }),
    "403 403 403 200 403 403 403 | 403",
  ],
  ["PUT /api/leader/away", at("/console/api/leader/away", { away: false }), "403 403 200 403 403 403 403 | 403"],
  ["POST /api/mirror/pair", at("/console/api/mirror/pair"), "200 200 200 200 200 200 200 | 403"],
  [
    "POST /api/mirror/state",
    at("/console/api/mirror/state", { title: "Tờ khai", fields: [] }),
    "404 404 404 404 404 404 404 | 403",
  ],
  ["GET /api/mirror/status", at("/console/api/mirror/status"), "200 200 200 200 200 200 200 | 401"],
  ["GET /api/mirror/events", at("/console/api/mirror/events"), "200 200 200 200 200 200 200 | 401"],
  ["GET /api/feedback", at("/console/api/feedback"), "200 200 200 200 200 200 200 | 401"],
  [
    "POST /api/feedback/:id/answer",
    feedback("/console/api/feedback/:id/answer", { answer: "Cảm ơn ông/bà." }),
    "200/404 200/404 200/404 200/404 403 403 403 | 403",
  ],
  ["GET /api/office-contact/", at("/console/api/office-contact"), "200 200 200 200 422 200 200 | 401"],
  ["PUT /api/office-contact/", at("/console/api/office-contact", {}), "403 403 403 400 403 403 403 | 403"],
  [
    "GET /api/notifications/dead-letters",
    at("/console/api/notifications/dead-letters"),
    "403 403 200 200 200 403 200 | 401",
  ],
  [
    "POST /api/notifications/:outboxId/redrive",
    deadLetter("/console/api/notifications/:outboxId/redrive"),
    "403 403 403 200/404 403 403 403 | 403",
  ],
  ["GET /api/conversations/", at("/console/api/conversations"), "200 200 200 200 200 200 200 | 401"],
  [
    "POST /api/conversations/:id/handled",
    conversation("/console/api/conversations/:id/handled"),
    "200/404 200/404 200/404 200/404 403 403 403 | 403",
  ],
  ["GET /api/data-requests/", at("/console/api/data-requests"), "403 403 403 200 200 403 200 | 401"],
  [
    "POST /api/data-requests/:id/answer",
    dataRequest("/console/api/data-requests/:id/answer", { status: "done", answer: "Đã sửa." }),
    "403 403 403 200/404 403 403 403 | 403",
  ],
  ["GET /api/notifications/sending", at("/console/api/notifications/sending"), "200 200 200 200 200 200 200 | 401"],
  ["GET /api/chatbot/area", at("/console/api/chatbot/area"), "200 200 200 200 200 200 200 | 401"],
  ["PUT /api/chatbot/area", at("/console/api/chatbot/area", {}), "403 403 403 400 403 403 403 | 403"],
  ["GET /api/chatbot/units", at("/console/api/chatbot/units"), "200 200 200 200 200 200 200 | 401"],
  [
    "POST /api/chatbot/try",
    at("/console/api/chatbot/try", { text: "Ngày không hẹn là thứ mấy?", unitCode: "24631" }),
    "200 200 200 200 200 200 200 | 403",
  ],
  ["GET /api/security/alerts", at("/console/api/security/alerts"), "403 403 403 200 403 403 403 | 401"],
  ["GET /api/workflow", at("/console/api/workflow"), "200 200 200 200 422 200 200 | 401"],
  ["PUT /api/workflow", at("/console/api/workflow", {}), "403 403 403 400 403 403 403 | 403"],
  [
    "GET /api/zalo/dossiers/:dossierId/phone",
    dossier("received", "/console/api/zalo/dossiers/:id/phone"),
    "200/404 200/404 403 200/404 403 403 403 | 401",
  ],
  [
    "PUT /api/zalo/dossiers/:dossierId/phone",
    dossier("received", "/console/api/zalo/dossiers/:id/phone", { phone: "0912345678", consent: true }),
    "200/404 200/404 403 200/404 403 403 403 | 403",
  ],
  [
    "DELETE /api/zalo/dossiers/:dossierId/phone",
    dossier("received", "/console/api/zalo/dossiers/:id/phone"),
    "204/404 204/404 403 204/404 403 403 403 | 403",
  ],
  ["GET /api/zalo/oa-link", at("/console/api/zalo/oa-link"), "200 200 200 200 200 200 200 | 401"],
  // Reports: leader and unit admin for their unit, the province viewer for all; counter, processing and volunteer none.
  ["GET /api/reports/", at("/console/api/reports?period=month&date=2025-07-16"), "403 403 200 200 200 403 200 | 401"],
  [
    "GET /api/reports/dossiers",
    at("/console/api/reports/dossiers?figure=received&from=2025-07-01&to=2025-07-31"),
    "403 403 200 200 200 403 200 | 401",
  ],
  ["GET /api/reports/review", at("/console/api/reports/review?year=2025"), "403 403 200 200 200 403 200 | 401"],
  ["GET /api/reports/units", at("/console/api/reports/units"), "403 403 200 200 200 403 200 | 401"],
  ["POST /api/zalo/oa-link/code", at("/console/api/zalo/oa-link/code"), "200 200 200 200 200 200 200 | 403"],
  ["DELETE /api/zalo/oa-link", at("/console/api/zalo/oa-link"), "204 204 204 204 204 204 204 | 403"],
  ["POST /api/password", at("/console/api/password", {}), "400 400 400 400 400 400 400 | 403"],
  ["POST /api/session/keep-alive", at("/console/api/session/keep-alive"), "200 200 200 200 200 200 200 | 403"],
  ["GET /api/session/state", at("/console/api/session/state"), "200 200 200 200 200 200 200 | 401"],
  ["POST /api/intake/readdress", at("/console/api/intake/readdress", {}), "400 400 400 400 400 400 400 | 403"],
  [
    "POST /api/intake/drafts/:id/discard",
    dossier("draft", "/console/api/intake/drafts/:id/discard", { reason: "Nhập nhầm" }),
    "200/404 403 403 200/404 403 403 403 | 403",
  ],
  ["POST /api/mirror/revoke", at("/console/api/mirror/revoke"), "200 200 200 200 200 200 200 | 403"],
  ["GET /api/openapi.json", at("/console/api/openapi.json"), "200 200 200 200 200 200 200 | 401"],
  // Report downloads: leader and unit administrator for their unit, province viewer for every unit. The report
  // table answers 404 until the reports module's computation is wired in (the book does not need it).
  [
    "GET /api/report-exports/book/:format",
    at(`/console/api/report-exports/book/xlsx?unitId=${encodeURIComponent(QUANG_KHE)}&from=2025-10-01&to=2025-10-31`),
    "403 403 200/403 200/403 200 403 200 | 401",
  ],
  [
    "GET /api/report-exports/report/:format",
    at(`/console/api/report-exports/report/pdf?unitId=${encodeURIComponent(QUANG_KHE)}&from=2025-10-01&to=2025-10-31`),
    "403 403 200/403 200/403 200 403 200 | 401",
  ],
  // Accounts: the unit administrator of Quảng Khê and the province administrator of Lâm Đồng manage a Quảng Khê
  // account; Nam Đà's administrator and the former Đắk Nông's province administrator do not (the account reads as
  // missing, a Quảng Khê unit is outside their scope).
  ["GET /api/admin/accounts/", at("/console/api/admin/accounts"), "403 403 403 200 403 403 200 | 401"],
  ["POST /api/admin/accounts/", newAccount, "403 403 403 201/403 403 403 201/403 | 403"],
  [
    "POST /api/admin/accounts/:id/disable",
    account("/console/api/admin/accounts/:id/disable", { reason: "Nghỉ việc" }),
    "403 403 403 200/404 403 403 200/404 | 403",
  ],
  [
    "POST /api/admin/accounts/:id/enable",
    account("/console/api/admin/accounts/:id/enable", { reason: "Quay lại" }),
    "403 403 403 200/404 403 403 200/404 | 403",
  ],
  [
    "POST /api/admin/accounts/:id/reset-password",
    account("/console/api/admin/accounts/:id/reset-password", { reason: "Quên mật khẩu" }),
    "403 403 403 200/404 403 403 200/404 | 403",
  ],
  [
    "PUT /api/admin/accounts/:id/role",
    account("/console/api/admin/accounts/:id/role", { role: "leader", reason: "Phân công" }),
    "403 403 403 200/404 403 403 200/404 | 403",
  ],
  // The citizen's screen: no officer session, authorised by the pairing code and its token only.
  ["POST /mirror/api/join", at("/console/mirror/api/join", { code: "000000" }), "404 404 404 404 404 404 404 | 404"],
  ["GET /mirror/api/events", at("/console/mirror/api/events?token=0000000000"), "404 404 404 404 404 404 404 | 404"],
  [
    "POST /mirror/api/confirm",
    at("/console/mirror/api/confirm", { token: "0000000000", version: 1 }),
    "404 404 404 404 404 404 404 | 404",
  ],
];

/**
 * Public API routes that need a citizen → `own other | none`: "own" is the citizen who made the subject, "other"
 * another citizen. `:id` is a pre-registration (draft) of the first citizen.
 */
const CITIZEN_MATRIX: [string, string][] = [
  ["GET /citizens/me", "200 200 | 401"],
  ["POST /citizens/me/notifications", "204 204 | 401"],
  ["POST /feedback", "201 201 | 401"],
  ["GET /feedback", "200 200 | 401"],
  ["POST /pre-registrations", "201 201 | 401"],
  ["GET /pre-registrations", "200 200 | 401"],
  ["GET /pre-registrations/:id", "200 404 | 401"],
  ["PATCH /pre-registrations/:id", "200 404 | 401"],
  ["POST /pre-registrations/:id/submit", "422 404 | 401"],
  ["DELETE /pre-registrations/:id", "200 404 | 401"],
  ["GET /pre-registrations/:id/qr.svg", "200 404 | 401"],
  ["GET /citizens/me/data", "200 200 | 401"],
  ["GET /citizens/me/data/page", "200 200 | 401"],
  // "other" goes to the unit the caller dealt with: the owner of the pre-registration has one, a fresh citizen none.
  ["POST /citizens/me/corrections", "201 422 | 401"],
  ["POST /citizens/me/phone", "403 403 | 401"],
  ["DELETE /citizens/me/phone", "204 204 | 401"],
];

const CONSENT = { accepted: true, version: CONSENT_NOTICE.version };
const CITIZEN_BODIES: Record<string, unknown> = {
  "POST /citizens/me/notifications": { miniAppNotifications: true, followedOA: false },
  "POST /feedback": { unitCode: "24631", kind: "suggestion", text: "Góp ý" },
  "POST /citizens/me/corrections": { subject: "other", text: "Số điện thoại của tôi đã đổi" },
  // A device token is not a Zalo sign-in: the number can only come from Zalo.
  "POST /citizens/me/phone": { phoneToken: "token-from-getPhoneNumber", consent: true },
  "POST /pre-registrations": {
    unitCode: "24631",
    procedureCode: "1.004873",
    formData: { requesterName: "Nguyễn Văn Thử" },
    consent: CONSENT,
  },
  "PATCH /pre-registrations/:id": { formData: { purpose: "Bổ sung hồ sơ vay vốn" }, consent: CONSENT },
  "GET /pre-registrations": undefined,
  "GET /feedback": undefined,
};
const CITIZEN_QUERIES: Record<string, string> = { "GET /pre-registrations": "?mine=1", "GET /feedback": "?mine=1" };

// ---------------------------------------------------------------- what is mounted

interface StackLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: StackLayer[] };
  rawPath?: string | string[];
}

/** "METHOD /path" of every route in an Express router, through its sub-routers. */
export function mountedRoutes(router: Router, prefix = ""): string[] {
  const out: string[] = [];
  for (const layer of (router as unknown as { stack: StackLayer[] }).stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const p of paths)
        for (const m of Object.keys(layer.route.methods))
          if (m !== "_all") out.push(`${m.toUpperCase()} ${prefix}${p}`);
    } else if (layer.handle.stack) {
      const raw = typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath : "";
      out.push(...mountedRoutes(layer.handle as unknown as Router, prefix + raw));
    }
  }
  return out;
}

/** The console's data routes (the front-end's page and asset routes carry no data). */
const isDataRoute = (r: string) => / \/(api|mirror\/api)\//.test(r);

function parseCells(line: string, columns: number): { own: number; other: number }[] {
  const [cells, none] = line.split("|").map((s) => s.trim());
  const parts = cells!.split(/\s+/);
  if (parts.length !== columns) throw new Error(`expected ${columns} cells in "${line}"`);
  const out = parts.map((p) => {
    const [own, other] = p.split("/");
    return { own: Number(own), other: Number(other ?? own) };
  });
  out.push({ own: Number(none), other: Number(none) });
  return out;
}

// ---------------------------------------------------------------- the tests

forEachDatabase((name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  const officers = new Map<string, string>();
  let conversations = 0;

  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: "2025-07-16T09:00:00+07:00", env: { NODE_ENV: "test" } });
    for (const role of ROLES) {
      officers.set(`${role}@own`, await createOfficer(app.deps, `am-${role}-own`, role, UNIT_OF[role].own));
      officers.set(`${role}@other`, await createOfficer(app.deps, `am-${role}-other`, role, UNIT_OF[role].other));
    }
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  const ctx = (): Ctx => ({
    t,
    app,
    async conversation() {
      const oaUserId = `24684588352961${String(80000 + (conversations += 1))}`;
      const now = app.clock.now().toISOString();
      await recordInteraction(t.db, { oaUserId, at: now, interacted: true, now });
      await updateConversation(t.db, oaUserId, { unitId: QUANG_KHE, needsHuman: true, at: now });
      const list = await request("GET", "/console/api/conversations", await sessionOf(officers.get("unit_admin@own")!));
      const items = ((await list.json()) as { items: { id: string }[] }).items;
      return items[0]!.id;
    },
  });

  async function sessionOf(userId: string): Promise<{ cookie: string; csrf: string }> {
    const token = randomBytes(32).toString("base64url");
    const csrf = randomBytes(24).toString("base64url");
    const now = app.clock.now();
    await insertSession(t.db, token, {
      userId,
      csrfToken: csrf,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    return { cookie: `${SESSION_COOKIE}=${token}`, csrf };
  }

  async function request(
    method: string,
    path: string,
    session: { cookie: string; csrf: string } | undefined,
    body?: unknown,
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (session) Object.assign(headers, { cookie: session.cookie, "x-csrf-token": session.csrf });
    if (body !== undefined || method !== "GET") headers["content-type"] = "application/json";
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers,
      ...(method !== "GET" ? { body: JSON.stringify(body ?? {}) } : {}),
    });
    if ((res.headers.get("content-type") ?? "").startsWith("text/event-stream")) await res.body?.cancel();
    return res;
  }

  describe(`${name}: every mounted route has a row`, () => {
    it("console routes", () => {
      const mounted = mountedRoutes(consoleRouter(app.deps, { buildAtStart: false, mirror: {} as never })).filter(
        isDataRoute,
      );
      const rows = new Set(CONSOLE_MATRIX.map(([r]) => r));
      const missing = mounted.filter((r) => !rows.has(r));
      if (missing.length > 0)
        throw new Error(
          `console routes without a row in CONSOLE_MATRIX (test/security/access-matrix.test.ts): ${missing.join(", ")}`,
        );
      const stale = [...rows].filter((r) => !mounted.includes(r));
      if (stale.length > 0) throw new Error(`rows for routes no longer mounted: ${stale.join(", ")}`);
      expect(mounted.length).toBe(CONSOLE_MATRIX.length);
    });

    it("citizen routes of the public API", () => {
      const mounted = apiRoutes.filter((r) => r.auth === "citizen").map((r) => `${r.method.toUpperCase()} ${r.path}`);
      const rows = new Set(CITIZEN_MATRIX.map(([r]) => r));
      const missing = mounted.filter((r) => !rows.has(r));
      if (missing.length > 0)
        throw new Error(
          `citizen routes without a row in CITIZEN_MATRIX (test/security/access-matrix.test.ts): ${missing.join(", ")}`,
        );
      expect([...rows].filter((r) => !mounted.includes(r))).toEqual([]);
    });
  });

  describe(`${name}: the matrix and the permissions table agree`, () => {
    // A route that names an action of shared/officers/permissions.ts refuses (403) exactly the roles outside it.
    it.each(
      consoleRoutes({} as never)
        .filter((r) => r.may)
        .map((r) => [`${r.method.toUpperCase()} /api${r.path}`, r.may!] as const),
    )("%s needs %s", (route, action) => {
      const row = CONSOLE_MATRIX.find(([r]) => r === route);
      expect(row).toBeDefined();
      const cells = parseCells(row![2], ROLES.length);
      const refused = ROLES.map((role, i) => [role, cells[i]!.own === 403] as const);
      expect(refused).toEqual(ROLES.map((role) => [role, !may({ role, unitId: UNIT_OF[role].own }, action)] as const));
    });
  });

  describe(`${name}: console routes × roles × own / other unit / no session`, () => {
    it.each(CONSOLE_MATRIX.map(([route, make, cells]) => [route, make, cells] as const))(
      "%s",
      async (route, make, cells) => {
        const method = route.split(" ")[0]!;
        const expected = parseCells(cells, ROLES.length);
        const got: string[] = [];
        const want: string[] = [];
        const seen: number[][] = [];
        for (const [i, role] of [...ROLES, "none" as const].entries()) {
          for (const side of ["own", "other"] as const) {
            const req = await make(ctx());
            const session = role === "none" ? undefined : await sessionOf(officers.get(`${role}@${side}`)!);
            const res = await request(method, req.path, session, req.body);
            const status = req.judge ? await req.judge(res.clone()) : res.status;
            got.push(`${role}@${side}=${status}`);
            (seen[i] ??= []).push(status);
            want.push(`${role}@${side}=${side === "own" ? expected[i]!.own : expected[i]!.other}`);
            if (res.status >= 400) {
              const e = (await res.json()) as { error?: { message?: string } };
              expect(typeof e.error?.message).toBe("string");
            }
          }
        }
        // ACCESS_MATRIX_PRINT=1 prints the answers in the table's notation (to write a new row, after checking them).
        if (process.env.ACCESS_MATRIX_PRINT === "1") {
          const cell = ([a, b]: number[]) => (a === b ? String(a) : `${a}/${b}`);
          console.log(`["${route}", …, "${seen.slice(0, -1).map(cell).join(" ")} | ${seen[seen.length - 1]![0]}"],`);
        }
        expect(got).toEqual(want);
      },
    );
  });

  describe(`${name}: citizen routes × own / other citizen / none`, () => {
    it.each(CITIZEN_MATRIX)("%s", async (route, cells) => {
      const [method, path] = route.split(" ") as [string, string];
      const [own, other] = cells.split("|")[0]!.trim().split(/\s+/).map(Number);
      const none = Number(cells.split("|")[1]);
      const device = async () =>
        ((await (await app.request("/api/citizens/device", { method: "POST" })).json()) as { token: string }).token;
      const got: string[] = [];
      for (const who of ["own", "other", "none"] as const) {
        const owner = await device();
        const draft = (await (
          await app.request("/api/pre-registrations", {
            method: "POST",
            headers: { authorization: `Bearer ${owner}` },
            json: CITIZEN_BODIES["POST /pre-registrations"],
          })
        ).json()) as { id: string };
        const caller = who === "own" ? owner : who === "other" ? await device() : undefined;
        const body = CITIZEN_BODIES[route];
        const res = await app.request(`/api${path.replace(":id", draft.id)}${CITIZEN_QUERIES[route] ?? ""}`, {
          method,
          headers: caller ? { authorization: `Bearer ${caller}` } : {},
          ...(body !== undefined ? { json: body } : method === "GET" || method === "DELETE" ? {} : { json: {} }),
        });
        got.push(`${who}=${res.status}`);
      }
      expect(got).toEqual([`own=${own}`, `other=${other}`, `none=${none}`]);
    });
  });
});
