/**
 * /console/api/admin/procedures: the province administrator's procedure versions and fees
 * (use-cases/procedures-admin.ts, docs/admin/procedures.md), as route-table rows (http/route-table.ts) with the
 * schemas of shared/console/procedures-admin.ts.
 */
import {
  FeeBody,
  FeeReply,
  ImportVersionBody,
  ImportVersionReply,
  ProcedureAdminList,
  ProcedureCodeParams,
  ProcedureVersionParams,
  VersionDetail,
} from "../../../shared/console/procedures-admin.js";
import { route, noStore, NO_STORE, type AnyRoute } from "../http/route-table.js";
import {
  exportProcedureVersion,
  exportProcedureVersions,
  importProcedureVersion,
  listProceduresForAdmin,
  readProcedureVersion,
  setProcedureFee,
  type JsonDownload,
} from "../use-cases/procedures-admin.js";

const download = (r: { ok: true; value: JsonDownload }) => ({
  ok: true as const,
  value: r.value.json,
  headers: { "Content-Disposition": `attachment; filename="${r.value.fileName}"`, ...NO_STORE },
});

export function consoleProceduresAdminRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/",
      tag: "Administration",
      auth: "officer",
      may: "admin.province",
      summary: "The procedures with their versions (validity, origin) and the province's fees",
      response: { status: 200, schema: ProcedureAdminList, description: "The catalogue as administered" },
      errors: ["forbidden", "unit_unknown"],
      handler: async ({ officer }, deps) => noStore(await listProceduresForAdmin(deps, officer)),
    }),
    route({
      method: "get",
      path: "/versions/:id",
      tag: "Administration",
      auth: "officer",
      may: "admin.province",
      params: ProcedureVersionParams,
      summary: "One procedure version as stored",
      response: { status: 200, schema: VersionDetail, description: "The version and its validity" },
      errors: ["forbidden", "procedure_version_not_found"],
      handler: async ({ params }, deps) => noStore(await readProcedureVersion(deps, params.id)),
    }),
    route({
      method: "get",
      path: "/versions/:id/export",
      tag: "Administration",
      auth: "officer",
      may: "admin.province",
      params: ProcedureVersionParams,
      summary: "Download one version as JSON (importable again)",
      response: { status: 200, contentType: "application/json; charset=utf-8", description: "The JSON file" },
      errors: ["forbidden", "procedure_version_not_found"],
      async handler({ officer, params }, deps) {
        const r = await exportProcedureVersion(deps, officer, params.id);
        return r.ok ? download(r) : r;
      },
    }),
    route({
      method: "get",
      path: "/:code/export",
      tag: "Administration",
      auth: "officer",
      may: "admin.province",
      params: ProcedureCodeParams,
      summary: "Download every version of a procedure as one JSON file",
      response: { status: 200, contentType: "application/json; charset=utf-8", description: "The JSON file" },
      errors: ["forbidden", "procedure_not_found"],
      async handler({ officer, params }, deps) {
        const r = await exportProcedureVersions(deps, officer, params.code);
        return r.ok ? download(r) : r;
      },
    }),
    route({
      method: "post",
      path: "/versions",
      tag: "Administration",
      auth: "officer",
      may: "admin.province",
      bodyOptional: true,
      summary:
        "Import a version from JSON as a new version taking effect on a date (the version before ends the day before)",
      body: ImportVersionBody,
      response: { status: 201, schema: ImportVersionReply, description: "Created (audited)" },
      errors: [
        "forbidden",
        "procedure_version_invalid",
        "procedure_code_unknown",
        "procedure_version_overlap",
        "procedure_date_past",
      ],
      handler: ({ officer, body }, deps) => importProcedureVersion(deps, officer, body),
    }),
    route({
      method: "post",
      path: "/:code/fees",
      tag: "Administration",
      auth: "officer",
      may: "admin.province",
      params: ProcedureCodeParams,
      bodyOptional: true,
      summary:
        "The province's fee for the procedure from a date: an amount, or set by the provincial council's resolution",
      body: FeeBody,
      response: { status: 201, schema: FeeReply, description: "Saved (audited)" },
      errors: ["forbidden", "unit_unknown", "procedure_not_found", "procedure_version_overlap", "procedure_date_past"],
      handler: ({ officer, params, body }, deps) => setProcedureFee(deps, officer, params.code, body),
    }),
  ];
}
