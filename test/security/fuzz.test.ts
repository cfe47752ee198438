/**
 * Property-based fuzzing of every surface a stranger can reach, on SQLite and PostgreSQL: each public API route
 * (enumerated from the route table, so a new route is fuzzed without a change here), the /tra-cuu page, the console
 * sign-in, the Zalo webhook (unsigned, and signed like Zalo so the events reach the parser) and the citizen mirror.
 *
 * Inputs are valid requests with one part replaced (a field, a path parameter, a query value, a key added or
 * removed, the whole body) by hostile text: control characters, lone surrogates, NFD Vietnamese, huge strings,
 * prototype keys, broken percent-encoding, wrong types. About 5,000 inputs per database, so about 10,000 a run.
 *
 * The property: the server answers 2xx or 4xx, never 5xx; every 4xx carries a message; it is still up afterwards;
 * and a refused request writes nothing (pre-registrations, feedback, dossiers, outbox, webhook events unchanged).
 *
 * Seeded and reproducible: the seed is printed; FUZZ_SEED=<seed> replays a run (fast-check prints the failing
 * input, shrunk). Bounded: each target stops at its time budget even on a slow machine (the count run is printed).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { sql } from "kysely";
import { CONSENT_NOTICE } from "../../shared/api/consent.js";
import { apiRoutes } from "../../bot-server/src/api/routes.js";
import { consoleClient, createOfficer, PASSWORD, QUANG_KHE } from "../console/helpers/console-server.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import { signWebhook, zaloEvent } from "../helpers/zalo-openapi-stand-in.js";
import { startBot, type Bot } from "../zalo/bot.js";

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
/** Inputs per database and target; the sum is about 5,000. */
const RUNS = { api: 2600, statusPage: 300, login: 400, webhookUnsigned: 300, webhookSigned: 900, mirror: 500 };
/** Time budget of all targets on one database, shared in proportion to their inputs: bounded on a busy machine. */
const BUDGET_PER_DATABASE_MS = 50_000;
const TOTAL_RUNS = Object.values(RUNS).reduce((a, b) => a + b, 0);
const budgetOf = (runs: number) => Math.round((BUDGET_PER_DATABASE_MS * runs) / TOTAL_RUNS);
const TEST_TIMEOUT_MS = BUDGET_PER_DATABASE_MS + 30_000;

// ---------------------------------------------------------------- hostile values

const NASTY_TEXT = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u001b[31m",
  "\u0085",
  "\u007f",
  "%00",
  "%",
  "%E0%A4%A",
  "%2e%2e%2f",
  "../../etc/passwd",
  "' OR '1'='1",
  "1; DROP TABLE dossiers",
  "<script>alert(1)</script>",
  "__proto__",
  "constructor",
  "prototype",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "9".repeat(400),
  "x".repeat(5000),
  "Nguyễn Văn Thử".normalize("NFD"),
  "Nguyễn Văn Thử",
  "\uD800",
  "\uDFFF",
  "\uFEFF",
  "\u202E",
  "😀",
  "2025-02-30",
  "31/02/1985",
  "1985-06-15",
  "000.00.06.H98-251015-0001",
  "KH1:K7M-4X9-RN",
  "K7M-4X9-RN",
  "067085000001",
  "24631",
  "1.004873",
  "2025-10-15T10:00:00+07:00",
  "\r\n",
  "\t",
];

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...NASTY_TEXT), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
  },
);

const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(text, text, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Json = Record<string, unknown>;

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return prefix.length ? [prefix] : [];
  const out: string[][] = prefix.length ? [prefix] : [];
  for (const [k, v] of Object.entries(value)) out.push(...leafPaths(v, [...prefix, k]));
  return out;
}

function setPath(obj: Json, path: string[], value: unknown, remove = false): Json {
  const copy: Json = { ...obj };
  const [head, ...rest] = path;
  if (head === undefined) return copy;
  if (rest.length === 0) {
    if (remove) delete copy[head];
    else copy[head] = value;
  } else {
    const inner = copy[head];
    copy[head] = setPath(
      inner && typeof inner === "object" && !Array.isArray(inner) ? (inner as Json) : {},
      rest,
      value,
      remove,
    );
  }
  return copy;
}

/** The template itself, or it with one field replaced, added or removed, or something else altogether. */
function mutated(template: Json): fc.Arbitrary<unknown> {
  const paths = leafPaths(template);
  const options: fc.WeightedArbitrary<unknown>[] = [
    { weight: 1, arbitrary: fc.constant(template) },
    { weight: 2, arbitrary: fc.tuple(text, jsonish).map(([k, v]) => ({ ...template, [k]: v })) },
    { weight: 1, arbitrary: jsonish },
  ];
  if (paths.length > 0) {
    options.push({
      weight: 5,
      arbitrary: fc.tuple(fc.constantFrom(...paths), jsonish).map(([p, v]) => setPath(template, p, v)),
    });
    options.push({ weight: 1, arbitrary: fc.constantFrom(...paths).map((p) => setPath(template, p, undefined, true)) });
  }
  return fc.oneof(...options);
}

interface RawBody {
  body: string;
  contentType: string;
}

/** Mostly JSON of a mutated template; sometimes broken JSON or another content type. */
function rawBody(template: Json): fc.Arbitrary<RawBody> {
  return fc.oneof(
    {
      weight: 8,
      arbitrary: mutated(template).map((v) => ({ body: JSON.stringify(v) ?? "null", contentType: "application/json" })),
    },
    { weight: 1, arbitrary: text.map((s) => ({ body: s, contentType: "application/json" })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          mutated(template),
          fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"),
        )
        .map(([v, ct]) => ({ body: JSON.stringify(v) ?? "", contentType: ct })),
    },
  );
}

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD, as any client would send it). */
function encodeSegment(s: string): string {
  return [...Buffer.from(s, "utf8")]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

/** A path segment: usually encoded, sometimes raw (broken percent-encoding, dots, slashes). */
function segment(plausible: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...plausible).map(encodeSegment) },
    { weight: 3, arbitrary: text.map(encodeSegment) },
    { weight: 1, arbitrary: fc.constantFrom("%00", "%E0%A4%A", "..", "%2F", "%25", "a%0Ab", "%C0%AF", "%FF") },
  );
}

function queryString(template: Record<string, string>): fc.Arbitrary<string> {
  return mutated(template).map((v) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return `?q=${encodeSegment(String(v))}`;
    const params = new URLSearchParams();
    for (const [k, x] of Object.entries(v as Json))
      params.append(k, typeof x === "string" ? x : (JSON.stringify(x) ?? ""));
    return `?${params.toString()}`;
  });
}

// ---------------------------------------------------------------- the public API, from its route table

const CONSENT = { accepted: true, version: CONSENT_NOTICE.version };
const FORM = {
  recipientAgency: "Ủy ban nhân dân xã Quảng Khê",
  requesterName: "Nguyễn Văn Thử",
  requesterBirthDate: "15/06/1985",
  requesterResidence: "Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng",
};
const DOSSIER_CODE = "000.00.06.H98-251015-0901";

/** Bodies and queries that pass validation, per route; a route missing here is fuzzed from an empty object. */
const BODY_TEMPLATES: Record<string, Json> = {
  "post /pre-registrations": { unitCode: "24631", procedureCode: "1.004873", formData: FORM, consent: CONSENT },
  "patch /pre-registrations/:id": { formData: { purpose: "Bổ sung hồ sơ vay vốn" }, consent: CONSENT },
  "post /feedback": { unitCode: "24631", kind: "suggestion", text: "Góp ý về giờ làm việc" },
  "post /citizens/me/notifications": { miniAppNotifications: true, followedOA: false },
};
const QUERY_TEMPLATES: Record<string, Record<string, string>> = {
  "get /units": { q: "Quảng Khê", limit: "5" },
  "get /procedures": { unit: "24631", at: "2025-10-15T10:00:00+07:00" },
  "get /units/:unitCode/scheme": { at: "2025-10-15T10:00:00+07:00" },
  "get /pre-registrations": { mine: "1" },
  "get /feedback": { mine: "1" },
  "get /dossiers/:code/status": { t: "abc" },
};

interface Plausible {
  params: Record<string, string[]>;
}

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function apiRequest(p: Plausible, token: () => string): fc.Arbitrary<Req> {
  const perRoute = apiRoutes.map((spec) => {
    const key = `${spec.method} ${spec.path}`;
    const names = [...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const params = fc.tuple(...names.map((n) => segment(p.params[n] ?? ["x"])));
    const query =
      spec.query || QUERY_TEMPLATES[key]
        ? queryString(QUERY_TEMPLATES[key] ?? {})
        : fc.constantFrom("", "?x=%00", "?a=1&a=2");
    const body =
      spec.method === "get" || spec.method === "delete" ? fc.constant(undefined) : rawBody(BODY_TEMPLATES[key] ?? {});
    const auth = fc.oneof(
      { weight: 6, arbitrary: fc.constant("valid") },
      { weight: 1, arbitrary: fc.constant("none") },
      { weight: 1, arbitrary: text.map((t) => t.replace(/[^\x21-\x7e]/g, "")) },
    );
    return fc.tuple(params, query, body, auth).map(([values, q, b, a]): Req => {
      let i = 0;
      const path = `/api${spec.path.replace(/:(\w+)/g, () => values[i++]!)}${q}`;
      const headers: Record<string, string> = {};
      if (a === "valid") headers.authorization = `Bearer ${token()}`;
      else if (a !== "none") headers.authorization = `Bearer ${a}`;
      if (b) headers["content-type"] = b.contentType;
      return { method: spec.method.toUpperCase(), path, headers, ...(b ? { body: b.body } : {}) };
    });
  });
  return fc.oneof(...perRoute);
}

// ---------------------------------------------------------------- the property

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

async function send(baseUrl: string, r: Req): Promise<Answer> {
  const res = await fetch(`${baseUrl}${r.path}`, {
    method: r.method,
    headers: r.headers,
    ...(r.body !== undefined ? { body: r.body } : {}),
    redirect: "manual",
  });
  const contentType = res.headers.get("content-type") ?? "";
  if (contentType.startsWith("text/event-stream")) {
    await res.body?.cancel();
    return { status: res.status, contentType, body: "" };
  }
  return { status: res.status, contentType, body: await res.text() };
}

/** A refusal explains itself: the one error format with a message, or a page with text. */
function hasMessage(a: Answer): boolean {
  if (a.contentType.includes("application/json")) {
    try {
      const m = (JSON.parse(a.body) as { error?: { message?: unknown } }).error?.message;
      return typeof m === "string" && m.length > 0;
    } catch {
      return false;
    }
  }
  return a.contentType.includes("text/html") && a.body.length > 0;
}

interface Fingerprint {
  pre: number;
  feedback: number;
  all: string;
}

async function fingerprint(t: TestDatabase): Promise<Fingerprint> {
  const r = await sql<Record<string, unknown>>`select
    (select count(*) from pre_registrations) as pre, (select max(updated_at) from pre_registrations) as pre_at,
    (select count(*) from feedback) as feedback, (select count(*) from dossiers) as dossiers,
    (select max(updated_at) from dossiers) as dossiers_at, (select count(*) from outbox) as outbox,
    (select count(*) from webhook_events) as webhook`.execute(t.db);
  const row = r.rows[0]!;
  return {
    pre: Number(row.pre),
    feedback: Number(row.feedback),
    all: JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" || typeof v === "number" ? String(v) : v)),
  };
}

interface Tally {
  runs: number;
  statuses: Map<number, number>;
}

/** Requests of one batch are sent together (the server sees concurrent requests, and the run stays short). */
const BATCH = 8;

const created = (r: Req, a: Answer, path: string) =>
  r.method === "POST" && a.status === 201 && r.path.split("?")[0] === path;

async function fuzz(
  label: string,
  t: TestDatabase,
  baseUrl: string,
  arbitrary: fc.Arbitrary<Req>,
  inputs: number,
  afterAccepted?: () => Promise<void>,
): Promise<Tally> {
  const tally: Tally = { runs: 0, statuses: new Map() };
  await fc.assert(
    fc.asyncProperty(fc.array(arbitrary, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      const before = await fingerprint(t);
      const answers = await Promise.all(batch.map((r) => send(baseUrl, r)));
      tally.runs += batch.length;
      batch.forEach((r, i) => {
        const a = answers[i]!;
        tally.statuses.set(a.status, (tally.statuses.get(a.status) ?? 0) + 1);
        if (a.status >= 500)
          throw new Error(`${label}: HTTP ${a.status} for ${r.method} ${r.path}: ${a.body.slice(0, 300)}`);
        if (a.status >= 400 && !hasMessage(a))
          throw new Error(
            `${label}: HTTP ${a.status} without a message for ${r.method} ${r.path}: ${a.body.slice(0, 300)}`,
          );
      });
      const accepted = batch.filter((r, i) => r.method !== "GET" && answers[i]!.status < 300);
      if (accepted.length > 0 && afterAccepted) await afterAccepted();
      const after = await fingerprint(t);
      if (accepted.length === 0) {
        if (after.all !== before.all)
          throw new Error(`${label}: every write refused, yet the database changed: ${before.all} → ${after.all}`);
        return;
      }
      // Rows appear only for the creations the server confirmed: a refused one leaves none behind.
      // A confirmed DELETE of a pre-registration erases its row (the citizen's right to delete).
      const erased = batch.filter(
        (r, i) =>
          r.method === "DELETE" &&
          answers[i]!.status < 300 &&
          /^\/api\/pre-registrations\/[^/?]+$/.test(r.path.split("?")[0]!),
      ).length;
      const pre = batch.filter((r, i) => created(r, answers[i]!, "/api/pre-registrations")).length - erased;
      const feedback = batch.filter((r, i) => created(r, answers[i]!, "/api/feedback")).length;
      if (after.pre - before.pre !== pre)
        throw new Error(`${label}: ${after.pre - before.pre} pre-registrations stored, ${pre} confirmed`);
      if (after.feedback - before.feedback !== feedback)
        throw new Error(`${label}: ${after.feedback - before.feedback} feedback rows stored, ${feedback} confirmed`);
    }),
    {
      seed: SEED,
      numRuns: Math.ceil(inputs / BATCH),
      interruptAfterTimeLimit: budgetOf(inputs),
      markInterruptAsFailure: false,
      endOnFailure: true,
    },
  );
  return tally;
}

function report(name: string, label: string, tally: Tally): void {
  const statuses = [...tally.statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
  console.log(`fuzz ${name} ${label}: ${tally.runs} inputs (seed ${SEED}; FUZZ_SEED=${SEED} replays): ${statuses}`);
}

// ---------------------------------------------------------------- the suites

console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);

forEachDatabase((name, open) => {
  let t: TestDatabase;
  let bot: Bot;
  let token = "";
  const plausible: Plausible = { params: {} };
  const counts: number[] = [];

  beforeAll(async () => {
    t = await open();
    // Behind a loopback proxy: each fuzzed request may claim its own client address (X-Forwarded-For), so the
    // per-address limits of the sign-in and the mirror do not turn the whole run into 429s.
    bot = await startBot(t, { env: { TRUST_PROXY: "loopback" } });
    const app = bot.app;
    token = ((await (await app.request("/api/citizens/device", { method: "POST" })).json()) as { token: string }).token;
    const drafts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await app.request("/api/pre-registrations", {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        json: BODY_TEMPLATES["post /pre-registrations"],
      });
      const body = (await res.json()) as { id?: string; code?: string };
      if (body.id) drafts.push(body.id);
    }
    await insertDossier(t.db, { code: DOSSIER_CODE } as Parameters<typeof insertDossier>[1]);
    plausible.params = { id: drafts, code: [DOSSIER_CODE, "1.004873", "1.001612"], unitCode: ["24631", "24697"] };
    await createOfficer(app.deps, "fuzz-officer", "counter_officer", QUANG_KHE);
    // Another account for the mirror: the sign-in fuzzing locks the first one out.
    await createOfficer(app.deps, "fuzz-mirror", "counter_officer", QUANG_KHE);
  }, 60_000);
  afterAll(async () => {
    console.log(`fuzz ${name}: ${counts.reduce((a, b) => a + b, 0)} inputs in all`);
    await bot?.close();
  });

  describe(`${name}: only 2xx or 4xx with a message, no 5xx, no write on refusal`, () => {
    it(
      "every public API route of the route table",
      async () => {
        const tally = await fuzz(
          "api",
          t,
          bot.app.url,
          apiRequest(plausible, () => token),
          RUNS.api,
        );
        report(name, "public API", tally);
        counts.push(tally.runs);
        expect(tally.runs).toBeGreaterThan(0);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      "the /tra-cuu page",
      async () => {
        const arb = fc
          .tuple(queryString({ code: DOSSIER_CODE, t: "abc" }), fc.constantFrom("text/html", "*/*", "application/json"))
          .map(([q, accept]): Req => ({ method: "GET", path: `/tra-cuu${q}`, headers: { accept } }));
        const tally = await fuzz("tra-cuu", t, bot.app.url, arb, RUNS.statusPage);
        report(name, "/tra-cuu", tally);
        counts.push(tally.runs);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      "the console sign-in, with and without the CSRF token",
      async () => {
        const session = await fetch(`${bot.app.url}/console/api/session`);
        const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
        const cookie = session.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; ");
        const arb = fc
          .tuple(
            rawBody({ username: "fuzz-officer", password: PASSWORD }),
            fc.boolean(),
            fc.integer({ min: 1, max: 250 }),
          )
          .map(([b, withCsrf, host]): Req => ({
            method: "POST",
            path: "/console/api/login",
            headers: {
              "content-type": b.contentType,
              cookie,
              "x-forwarded-for": `10.0.${host}.${host}`,
              ...(withCsrf ? { "x-csrf-token": csrf } : {}),
            },
            body: b.body,
          }));
        const tally = await fuzz("login", t, bot.app.url, arb, RUNS.login);
        report(name, "console login", tally);
        counts.push(tally.runs);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      "the Zalo webhook, unsigned or wrongly signed",
      async () => {
        const arb = fc
          .tuple(
            rawBody(zaloEvent.text({ userId: "2468458835296190001", text: "xin chào", timestamp: "1760497800000" })),
            fc.option(text),
          )
          .map(([b, signature]): Req => ({
            method: "POST",
            path: "/webhook/zalo",
            headers: {
              "content-type": b.contentType,
              ...(signature !== null ? { "x-zevent-signature": signature.replace(/[^\x20-\x7e]/g, "") } : {}),
            },
            body: b.body,
          }));
        const tally = await fuzz("webhook unsigned", t, bot.app.url, arb, RUNS.webhookUnsigned);
        report(name, "webhook (unsigned)", tally);
        counts.push(tally.runs);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      "the Zalo webhook, signed like Zalo (the events reach the parser and the bot)",
      async () => {
        const keys = { appId: bot.zalo.appId, oaSecretKey: bot.zalo.oaSecretKey };
        const kinds = [
          (ts: string) => zaloEvent.text({ userId: "2468458835296190002", text: "xin chào", timestamp: ts }),
          (ts: string) => zaloEvent.follow({ userId: "2468458835296190003", timestamp: ts }),
          (ts: string) => zaloEvent.chatNow({ userId: "2468458835296190004", timestamp: ts }),
        ];
        const arb = fc.tuple(fc.constantFrom(...kinds), fc.nat()).chain(([make, n]) => {
          const template = make(String(bot.nowMs() - (n % 1000)));
          return mutated(template as Json).map((event): Req => {
            const payload =
              event !== null && typeof event === "object" && !Array.isArray(event) ? (event as Json) : { value: event };
            // Signed over the timestamp as the server reads it, so a wrong one still reaches the checks after the signature.
            const ts = payload.timestamp;
            const signed = signWebhook(
              { ...payload, timestamp: typeof ts === "string" || typeof ts === "number" ? ts : "" },
              keys,
              JSON.stringify(payload),
            );
            return { method: "POST", path: "/webhook/zalo", headers: signed.headers, body: signed.body };
          });
        });
        const tally = await fuzz("webhook signed", t, bot.app.url, arb, RUNS.webhookSigned, () => bot.settle());
        await bot.settle();
        report(name, "webhook (signed)", tally);
        counts.push(tally.runs);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      "the citizen mirror: join, events and confirm",
      async () => {
        const officer = await consoleClient(bot.app.url);
        expect((await officer.login("fuzz-mirror")).status).toBe(200);
        const pair = (await (await officer.post("/console/api/mirror/pair")).json()) as { code: string };
        const arb = fc
          .tuple(fc.constantFrom("join", "events", "confirm"), fc.integer({ min: 1, max: 250 }))
          .chain(([what, host]) => {
            const headers = { "x-forwarded-for": `10.1.${host}.${host}` };
            if (what === "events") {
              return queryString({ token: "0123456789abcdef" }).map((q): Req => ({
                method: "GET",
                path: `/console/mirror/api/events${q}`,
                headers,
              }));
            }
            const template: Json = what === "join" ? { code: pair.code } : { token: "0123456789abcdef", version: 1 };
            return rawBody(template).map((b): Req => ({
              method: "POST",
              path: `/console/mirror/api/${what}`,
              headers: { ...headers, "content-type": b.contentType },
              body: b.body,
            }));
          });
        const tally = await fuzz("mirror", t, bot.app.url, arb, RUNS.mirror);
        report(name, "mirror API", tally);
        counts.push(tally.runs);
      },
      TEST_TIMEOUT_MS,
    );

    it("is still up and answering after all of it", async () => {
      const res = await fetch(`${bot.app.url}/healthz`);
      expect(res.status).toBe(200);
    });
  });
});
