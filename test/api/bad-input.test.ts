/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * Bad input through HTTP on SQLite and PostgreSQL: wrong types, huge bodies, unknown procedure or unit, an
 * invalid ID number, dates in the wrong format, wrong content type, broken JSON. Every answer is a 4xx in the one
 * error format with a Vietnamese message and an English detail, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CONSENT_NOTICE } from "../../shared/api/consent.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";

const CONSENT = { accepted: true, version: CONSENT_NOTICE.version };

interface Case {
  name: string;
  status: number;
  code: string;
  path: string;
  method?: string;
  /** Raw body and its content type; JSON-encoded when `json` is given instead. */
  body?: string;
  contentType?: string;
  json?: unknown;
  field?: string;
}

const CASES: Case[] = [
  {
    name: "wrong types",
    status: 400,
    code: "invalid_body",
    method: "POST",
    path: "/api/pre-registrations",
    json: { unitCode: 24631, procedureCode: true },
    field: "unitCode",
  },
  {
    name: "a JSON array instead of an object",
    status: 400,
    code: "invalid_body",
    method: "POST",
    path: "/api/pre-registrations",
    json: [1, 2, 3],
  },
  {
    name: "a 1 MB body",
    status: 413,
    code: "payload_too_large",
    method: "POST",
    path: "/api/pre-registrations",
    json: { unitCode: "24631", procedureCode: "1.004873", formData: { purpose: "x".repeat(1_000_000) } },
  },
  {
    name: "an unknown unit",
    status: 404,
    code: "unit_not_found",
    method: "POST",
    path: "/api/pre-registrations",
    json: { unitCode: "99999", procedureCode: "1.004873" },
    field: "unitCode",
  },
  {
    name: "an unknown procedure",
    status: 404,
    code: "procedure_not_found",
    method: "POST",
    path: "/api/pre-registrations",
    json: { unitCode: "24631", procedureCode: "9.999999" },
    field: "procedureCode",
  },
  {
    name: "a procedure code in the wrong format",
    status: 400,
    code: "invalid_body",
    method: "POST",
    path: "/api/pre-registrations",
    json: { unitCode: "24631", procedureCode: "1004873" },
    field: "procedureCode",
  },
  {
    name: "an ID number of 11 digits",
    status: 400,
    code: "invalid_body",
    method: "POST",
    path: "/api/pre-registrations",
    json: {
      unitCode: "24631",
      procedureCode: "1.001612",
      formData: { ownerPersonalIdNumber: "06708500001" },
      consent: CONSENT,
    },
    field: "formData.ownerPersonalIdNumber",
  },
  {
    name: "a date that does not exist",
    status: 400,
    code: "invalid_body",
    method: "POST",
    path: "/api/pre-registrations",
    json: {
      unitCode: "24631",
      procedureCode: "1.004873",
      formData: { requesterBirthDate: "31/02/1985" },
      consent: CONSENT,
    },
    field: "formData.requesterBirthDate",
  },
  {
    name: "a field that is not on the form",
    status: 400,
    code: "invalid_body",
    method: "POST",
    path: "/api/pre-registrations",
    json: { unitCode: "24631", procedureCode: "1.004873", formData: { favouriteColour: "xanh" }, consent: CONSENT },
  },
  {
    name: "a date without time in `at`",
    status: 400,
    code: "invalid_query",
    path: "/api/units/24631/scheme?at=2025-10-15",
    field: "at",
  },
  {
    name: "a dd/mm/yyyy date in `at`",
    status: 400,
    code: "invalid_query",
    path: "/api/units/24631/scheme?at=15%2F10%2F2025",
    field: "at",
  },
  {
    name: "a time that does not exist in `at`",
    status: 400,
    code: "invalid_query",
    path: "/api/procedures?unit=24631&at=2025-02-30T10:00:00%2B07:00",
    field: "at",
  },
  { name: "a missing required query", status: 400, code: "invalid_query", path: "/api/procedures", field: "unit" },
  {
    name: "a limit out of range",
    status: 400,
    code: "invalid_query",
    path: "/api/units?q=a&limit=1000",
    field: "limit",
  },
  {
    name: "a unit code that is not a code",
    status: 400,
    code: "invalid_params",
    path: "/api/units/quang-khe",
    field: "unitCode",
  },
  { name: "broken percent-encoding in the path", status: 400, code: "bad_request", path: "/api/units/%E0%A4%A" },
  {
    name: "text/plain",
    status: 415,
    code: "unsupported_media_type",
    method: "POST",
    path: "/api/pre-registrations",
    body: "unitCode=24631",
    contentType: "text/plain",
  },
  {
    name: "a form post",
    status: 415,
    code: "unsupported_media_type",
    method: "POST",
    path: "/api/pre-registrations",
    body: "unitCode=24631",
    contentType: "application/x-www-form-urlencoded",
  },
  {
    name: "malformed JSON",
    status: 400,
    code: "malformed_json",
    method: "POST",
    path: "/api/pre-registrations",
    body: '{"unitCode": "24631",',
    contentType: "application/json",
  },
  { name: "an unknown API route", status: 404, code: "not_found", path: "/api/nothing-here" },
  {
    name: "a list query other than mine=1",
    status: 400,
    code: "invalid_query",
    path: "/api/pre-registrations?mine=all",
    field: "mine",
  },
];

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: "2025-10-15T09:00:00+07:00" });
    token = ((await (await app.request("/api/citizens/device", { method: "POST" })).json()) as { token: string }).token;
  });
  afterAll(async () => {
    await app?.close();
  });

  describe("bad input is a 4xx in the one error format, never a 5xx", () => {
    it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_n, c) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (c.contentType) headers["content-type"] = c.contentType;
      const res = await app.request(c.path, {
        method: c.method ?? "GET",
        headers,
        ...(c.json !== undefined ? { json: c.json } : {}),
        ...(c.body !== undefined ? { body: c.body } : {}),
      });
      expect(res.status).toBe(c.status);
      expect(res.headers.get("content-type")).toContain("application/json");
      const body = (await res.json()) as {
        error: { code: string; message: string; detail: string; fields?: { path: string; message: string }[] };
      };
      expect(body.error.code).toBe(c.code);
      // Vietnamese for people (a letter with a Vietnamese diacritic), English for API clients.
      expect(body.error.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđẹẻẽéèêếềểễệịỉĩíìọỏõóòôốồổỗộơớờởỡợụủũúùưứừửữựỵỷỹýỳ]/i);
      expect(body.error.detail).toMatch(/^[\x20-\x7E]+/);
      if (c.field) expect(body.error.fields?.map((f) => f.path)).toContain(c.field);
    });

    it("field messages name the problem in Vietnamese", async () => {
      const res = await app.request("/api/pre-registrations", {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        json: {
          unitCode: "24631",
          procedureCode: "1.001612",
          formData: { ownerPersonalIdNumber: "06708500001" },
          consent: CONSENT,
        },
      });
      const body = (await res.json()) as any;
      expect(body.error.fields).toEqual([
        { path: "formData.ownerPersonalIdNumber", message: "Số định danh cá nhân phải gồm 12 chữ số" },
      ]);
    });

    it("a __proto__ key in a body changes nothing on the server", async () => {
      const res = await app.request("/api/pre-registrations", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: '{"unitCode":"24631","procedureCode":"1.004873","__proto__":{"polluted":true}}',
      });
      expect(res.status).toBeLessThan(500);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it("a Vietnamese search typed in NFD finds the same unit as NFC", async () => {
      const nfd = await (await app.request(`/api/units?q=${encodeURIComponent("Quảng Khê".normalize("NFD"))}`)).json();
      const nfc = await (await app.request(`/api/units?q=${encodeURIComponent("Quảng Khê")}`)).json();
      expect(nfd).toEqual(nfc);
      expect((nfc as any).items[0].code).toBe("24631");
    });
  });
});
