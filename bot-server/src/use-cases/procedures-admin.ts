/**
 * The province administrator's procedure versions and fees (docs/admin/procedures.md): the list with each version's
 * validity and origin, one version, its export as JSON, the import of a version from JSON as a new version taking
 * effect on a date (the version before it ends the day before; never a date in the past, never overlapping), and the
 * province's fee for a procedure. Versions are never edited in place: a dossier keeps the id of the version it was
 * received under, so its printed declaration and due date stay as they were. Every write is audited (who, when,
 * what, why) and reloads the domain (catalogChanged).
 */
import type { FieldError } from "../../../shared/api/errors.js";
import { describeIssues, viErrors } from "../../../shared/api/field-issues.js";
import type {
  FeeBody,
  FeeReply,
  FeeSummary,
  ImportVersionBody,
  ImportVersionReply,
  ProcedureAdminList,
  VersionDetail,
  VersionSummary,
} from "../../../shared/console/procedures-admin.js";
import type { FeeEntry } from "../../../shared/data/fees.js";
import type { AdminUnit } from "../../../shared/model.js";
import type { Officer } from "../../../shared/officers/officer.js";
import { fail, type Failure } from "../../../shared/outcomes.js";
import { feeQuoteOf, resolutionText } from "../../../shared/procedures/catalog.js";
import { procedureVersionSchema, type ProcedureVersion } from "../../../shared/procedures/procedure-version.js";
import { scheduleNewVersion, type Schedule } from "../../../shared/procedures/version-schedule.js";
import type { Deps } from "../deps.js";
import { writeAudit, type AuditEntry } from "../store/audit.js";
import {
  changeDatedDocuments,
  DocumentExists,
  findStoredDocument,
  listStoredDocuments,
  type AdminWrite,
  type StoredDocument,
} from "../store/catalog-admin.js";
import { catalogChanged } from "./catalog-changed.js";
import { nowOf, type Now } from "./console-context.js";

type Result<T> = { ok: true; value: T } | Failure;

/** The province the administrator administers (their unit is the province itself, or a unit inside it). */
function provinceOfOfficer(deps: Deps, officer: Officer): AdminUnit | undefined {
  const unit = officer.unitId ? deps.domain.units.byId(officer.unitId) : undefined;
  if (!unit) return undefined;
  return unit.level === "province" ? unit : deps.domain.units.provinceOf(unit);
}

const inForce = (from: string | null, to: string | null, date: string) =>
  from !== null && from <= date && (to === null || date <= to);

function versionSummary(d: StoredDocument<ProcedureVersion>, today: string): VersionSummary {
  return {
    id: d.id,
    code: d.body.code,
    name: d.body.name,
    validFrom: d.body.validFrom,
    validTo: d.body.validTo ?? null,
    origin: d.origin === "admin" ? "admin" : "shipped",
    inForce: inForce(d.body.validFrom, d.body.validTo ?? null, today),
    updatedAt: d.updatedAt,
    updatedBy: d.updatedBy,
  };
}

function feeSummary(d: StoredDocument<FeeEntry>): FeeSummary {
  const f = d.body;
  return {
    id: d.id,
    provinceCode: f.provinceCode,
    validFrom: f.validFrom,
    validTo: f.validTo ?? null,
    kind: f.kind,
    amountVnd: f.amountVnd,
    onlineAmountVnd: f.onlineAmountVnd,
    resolution: f.resolution ?? null,
    display: feeQuoteOf(f).display,
    toVerify: f.toVerify,
    origin: d.origin,
    updatedAt: d.updatedAt,
    updatedBy: d.updatedBy,
  };
}

export async function listProceduresForAdmin(deps: Deps, officer: Officer): Promise<Result<ProcedureAdminList>> {
  const province = provinceOfOfficer(deps, officer);
  if (!province) return fail("unit_unknown");
  const today = nowOf(deps).date;
  const [versions, fees] = await Promise.all([
    listStoredDocuments<ProcedureVersion>(deps.db, "procedure_version"),
    listStoredDocuments<FeeEntry>(deps.db, "fee", `${province.code}:`),
  ]);
  const byCode = new Map<string, StoredDocument<ProcedureVersion>[]>();
  for (const v of versions) byCode.set(v.body.code, [...(byCode.get(v.body.code) ?? []), v]);
  const procedures = [...byCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, list]) => {
      const sorted = [...list].sort((a, b) => (a.body.validFrom < b.body.validFrom ? -1 : 1));
      const summaries = sorted.map((d) => versionSummary(d, today));
      const current = summaries.find((s) => s.inForce) ?? null;
      return {
        code,
        name: (current ?? summaries[summaries.length - 1]!).name,
        currentVersionId: current?.id ?? null,
        versions: summaries,
        fees: fees
          .filter((f) => f.body.procedureCode === code)
          .sort((a, b) => (a.body.validFrom < b.body.validFrom ? -1 : 1))
          .map(feeSummary),
      };
    });
  return {
    ok: true,
    value: { today, provinceCode: province.code, provinceName: deps.domain.units.displayName(province), procedures },
  };
}

export async function readProcedureVersion(deps: Deps, id: string): Promise<Result<VersionDetail>> {
  const d = await findStoredDocument<ProcedureVersion>(deps.db, "procedure_version", id);
  if (!d) return fail("procedure_version_not_found");
  return { ok: true, value: { summary: versionSummary(d, nowOf(deps).date), version: d.body } };
}

export interface JsonDownload {
  json: string;
  fileName: string;
}

/** One version as the JSON file an administrator downloads (and can import again). */
export async function exportProcedureVersion(deps: Deps, officer: Officer, id: string): Promise<Result<JsonDownload>> {
  const d = await findStoredDocument<ProcedureVersion>(deps.db, "procedure_version", id);
  if (!d) return fail("procedure_version_not_found");
  await auditExport(deps, officer, id);
  return { ok: true, value: { json: `${JSON.stringify(d.body, null, 2)}\n`, fileName: `thu-tuc-${fileId(id)}.json` } };
}

/** Every version of a procedure in one file (`format` khonghen.procedure-versions/1). */
export async function exportProcedureVersions(
  deps: Deps,
  officer: Officer,
  code: string,
): Promise<Result<JsonDownload>> {
  const list = await listStoredDocuments<ProcedureVersion>(deps.db, "procedure_version", `${code}@`);
  if (list.length === 0) return fail("procedure_not_found");
  await auditExport(deps, officer, code);
  const file = {
    format: "khonghen.procedure-versions/1",
    code,
    exportedAt: deps.clock.now().toISOString(),
    versions: list.map((d) => d.body),
  };
  return { ok: true, value: { json: `${JSON.stringify(file, null, 2)}\n`, fileName: `thu-tuc-${code}-tat-ca.json` } };
}

const fileId = (id: string) => id.replace("@", "-");

async function auditExport(deps: Deps, officer: Officer, subjectId: string): Promise<void> {
  await writeAudit(deps.db, {
    at: deps.clock.now().toISOString(),
    actorKind: "officer",
    actorId: officer.id,
    action: "export",
    subjectKind: "procedure_version",
    subjectId,
    fields: [],
    reason: "Xuất JSON phiên bản thủ tục",
  });
}

// ---------------------------------------------------------------- import

const invalid = (fields: FieldError[], detail?: string): Failure =>
  fail("procedure_version_invalid", { fields, ...(detail ? { detail } : {}) });

/** "dòng 3, cột 14" of a character offset in the text. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `dòng ${before.length}, cột ${before[before.length - 1]!.length + 1}`;
}

function parseJsonText(text: string): { ok: true; value: unknown } | Failure {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const where = m ? ` (${lineColumn(text, Number(m[1]))})` : "";
    return invalid(
      [{ path: "json", message: `Nội dung không phải JSON hợp lệ${where}. Hãy kiểm tra dấu phẩy, ngoặc và dấu nháy.` }],
      `The text is not valid JSON: ${(e as Error).message}`,
    );
  }
}

/** Rules the zod schema cannot express: unique field ids, sections that exist, patterns that compile. */
function formProblems(v: ProcedureVersion): FieldError[] {
  const out: FieldError[] = [];
  const sections = new Set(v.form.sections.map((s) => s.id));
  const seen = new Set<string>();
  v.form.fields.forEach((f, i) => {
    const at = `form.fields.${i}`;
    if (seen.has(f.id)) out.push({ path: `${at}.id`, message: `Mã trường "${f.id}" bị trùng.` });
    seen.add(f.id);
    if (!sections.has(f.section))
      out.push({ path: `${at}.section`, message: `Phần "${f.section}" không có trong form.sections.` });
    if (f.pattern !== undefined) {
      try {
        new RegExp(f.pattern, "u");
      } catch {
        out.push({ path: `${at}.pattern`, message: "Biểu thức kiểm tra (pattern) không hợp lệ." });
      }
    }
  });
  const docs = new Set<string>();
  v.requiredDocuments.forEach((d, i) => {
    if (docs.has(d.id)) out.push({ path: `requiredDocuments.${i}.id`, message: `Mã giấy tờ "${d.id}" bị trùng.` });
    docs.add(d.id);
  });
  return out;
}

const TYPE_VI: Record<string, string> = {
  string: "chuỗi chữ",
  number: "số",
  boolean: "true/false",
  array: "danh sách [ … ]",
  object: "đối tượng { … }",
  null: "null",
  undefined: "không có",
};

/** Plain Vietnamese for the common problems of an edited version (type and missing fields); zod's otherwise. */
const importErrors = (issue: Parameters<typeof viErrors>[0]) => {
  if (issue.code === "invalid_type") {
    const input = (issue as { input?: unknown }).input;
    const expected = TYPE_VI[String(issue.expected)] ?? String(issue.expected);
    if (input === undefined) return `Thiếu trường bắt buộc (cần ${expected}).`;
    const got = input === null ? "null" : Array.isArray(input) ? "array" : typeof input;
    return `Cần ${expected}, đang là ${TYPE_VI[got] ?? got}.`;
  }
  if (issue.code === "invalid_value")
    return `Giá trị không được phép; chọn một trong: ${(issue as { values: unknown[] }).values.map(String).join(", ")}.`;
  return viErrors(issue);
};

/** The imported text as a version from `validFrom` (the text's own date when none is chosen). */
function versionFromText(text: string, validFrom: string | undefined): Result<ProcedureVersion> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    return invalid([{ path: "json", message: "Nội dung phải là một đối tượng JSON { … } của một phiên bản." }]);
  if ("versions" in raw && Array.isArray((raw as { versions: unknown }).versions))
    return invalid([
      {
        path: "json",
        message: "Tệp này chứa mọi phiên bản của thủ tục; hãy nhập từng phiên bản (nút “Xuất JSON” của một phiên bản).",
      },
    ]);
  const doc = { ...(raw as Record<string, unknown>) };
  if (validFrom !== undefined) doc.validFrom = validFrom;
  // A new version is open-ended and named by its code and start date; a later version closes it.
  delete doc.validTo;
  if (typeof doc.code === "string" && typeof doc.validFrom === "string") doc.id = `${doc.code}@${doc.validFrom}`;
  const r = procedureVersionSchema.safeParse(doc, { error: importErrors });
  if (!r.success) {
    const { fields, detail } = describeIssues(procedureVersionSchema, doc, r.error.issues);
    return invalid(fields, detail);
  }
  const problems = formProblems(r.data);
  if (problems.length > 0)
    return invalid(problems, `Validation failed. ${problems.map((p) => p.path).join("; ")}: see fields.`);
  return { ok: true, value: r.data };
}

function refusal(s: Extract<Schedule, { ok: false }>): Failure {
  return fail(s.reason === "past" ? "procedure_date_past" : "procedure_version_overlap", {
    fields: [{ path: "validFrom", message: s.message }],
  });
}

/** A new dated version of a catalogue family (a procedure version, a province's fee) and what it is audited with. */
interface DatedVersion<T> {
  family: { kind: "procedure_version" | "fee"; idPrefix: string };
  id: string;
  body: T;
  /** The fields its `create` audit entry names. */
  fields: string[];
  reason: string;
  /** The refusal when a version of the family already starts on the same day. */
  sameDayMessage: string;
}

/**
 * Saves `v` as the family's new open-ended version from its validFrom, and ends the version before it the day
 * before (scheduleNewVersion): one `create` audit entry for the new version, one `update` (validTo) for the one it
 * closes, in one transaction. Refused when the date is past or would overlap another version. Returns the version it
 * closed, as now stored, or null.
 */
async function addDatedVersion<T extends { validFrom: string; validTo?: string }>(
  deps: Deps,
  officer: Officer,
  now: Now,
  v: DatedVersion<T>,
): Promise<{ ok: true; closed: StoredDocument<T> | null } | Failure> {
  const audit = (action: AuditEntry["action"], subjectId: string, fields: string[]): AuditEntry => ({
    at: now.iso,
    actorKind: "officer",
    actorId: officer.id,
    action,
    subjectKind: v.family.kind,
    subjectId,
    fields,
    reason: v.reason,
  });
  let closed: StoredDocument<T> | null = null;
  try {
    const refused = await changeDatedDocuments<Failure | null>(
      deps.db,
      v.family,
      now.iso,
      officer.username,
      (existing) => {
        const docs = existing as StoredDocument<T>[];
        const s = scheduleNewVersion(
          docs.map((d) => ({ id: d.id, validFrom: d.body.validFrom, validTo: d.body.validTo })),
          v.body.validFrom,
          now.date,
        );
        if (!s.ok) return { ok: false, result: refusal(s) };
        const writes: AdminWrite[] = [
          { kind: v.family.kind, id: v.id, validFrom: v.body.validFrom, validTo: null, body: v.body, isNew: true },
        ];
        const audits = [audit("create", v.id, v.fields)];
        const before = s.closes ? docs.find((d) => d.id === s.closes!.id) : undefined;
        if (before && s.closes) {
          const body = { ...before.body, validTo: s.closes.validTo };
          writes.push({
            kind: v.family.kind,
            id: before.id,
            validFrom: body.validFrom,
            validTo: body.validTo,
            body,
            isNew: false,
          });
          audits.push(audit("update", before.id, ["validTo"]));
          closed = {
            ...before,
            body,
            validTo: body.validTo,
            origin: "admin",
            updatedAt: now.iso,
            updatedBy: officer.username,
          };
        }
        return { ok: true, writes, audits, result: null };
      },
    );
    if (refused) return refused;
  } catch (e) {
    if (e instanceof DocumentExists)
      return fail("procedure_version_overlap", { fields: [{ path: "validFrom", message: v.sameDayMessage }] });
    throw e;
  }
  return { ok: true, closed };
}

export async function importProcedureVersion(
  deps: Deps,
  officer: Officer,
  body: ImportVersionBody,
): Promise<Result<ImportVersionReply>> {
  const made = versionFromText(body.json, body.validFrom);
  if (!made.ok) return made;
  const version = made.value;
  const family = { kind: "procedure_version" as const, idPrefix: `${version.code}@` };
  if ((await listStoredDocuments(deps.db, family.kind, family.idPrefix)).length === 0)
    return fail("procedure_code_unknown", {
      fields: [{ path: "code", message: `Mã thủ tục ${version.code} chưa có trong danh mục.` }],
    });
  const now = nowOf(deps);
  const added = await addDatedVersion(deps, officer, now, {
    family,
    id: version.id,
    body: version,
    fields: ["version"],
    reason: body.reason,
    sameDayMessage: "Đã có phiên bản bắt đầu đúng ngày này.",
  });
  if (!added.ok) return added;
  await catalogChanged(deps, officer.username);
  const stored = await findStoredDocument<ProcedureVersion>(deps.db, "procedure_version", version.id);
  return {
    ok: true,
    value: {
      version: versionSummary(stored!, now.date),
      closed: added.closed ? versionSummary(added.closed, now.date) : null,
    },
  };
}

// ---------------------------------------------------------------- fees

export async function setProcedureFee(
  deps: Deps,
  officer: Officer,
  code: string,
  body: FeeBody,
): Promise<Result<FeeReply>> {
  const province = provinceOfOfficer(deps, officer);
  if (!province) return fail("unit_unknown");
  if ((await listStoredDocuments(deps.db, "procedure_version", `${code}@`)).length === 0)
    return fail("procedure_not_found");
  const now = nowOf(deps);
  const family = { kind: "fee" as const, idPrefix: `${province.code}:${code}@` };
  const entry: FeeEntry = {
    provinceCode: province.code,
    procedureCode: code,
    validFrom: body.validFrom,
    amountVnd: body.amountVnd,
    onlineAmountVnd: body.onlineAmountVnd ?? null,
    kind: body.kind,
    basis: body.basis,
    note: body.note ?? "",
    source: body.resolution ? resolutionText(body.resolution) : body.basis,
    // Entered by the province's administrator from the province's own document.
    evidence: "V",
    toVerify: false,
    ...(body.resolution ? { resolution: body.resolution } : {}),
  };
  const id = `${family.idPrefix}${body.validFrom}`;
  const added = await addDatedVersion(deps, officer, now, {
    family,
    id,
    body: entry,
    fields: ["amountVnd", "onlineAmountVnd", "resolution", "basis", "kind"],
    reason: body.reason,
    sameDayMessage: "Đã có mức phí bắt đầu đúng ngày này.",
  });
  if (!added.ok) return added;
  await catalogChanged(deps, officer.username);
  const stored = await findStoredDocument<FeeEntry>(deps.db, "fee", id);
  return {
    ok: true,
    value: { fee: feeSummary(stored!), closed: added.closed ? feeSummary(added.closed) : null },
  };
}
