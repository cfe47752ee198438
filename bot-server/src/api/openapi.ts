/**
 * OpenAPI 3.1 document generated from the route table and its zod schemas (z.toJSONSchema), never written by
 * hand: a route added to the table appears here with its parameters, body, response and error codes.
 */
import { z, type ZodType } from "zod";
import { ApiErrorBody } from "../../../shared/api/errors.js";
import { statusOf } from "../http/outcome-status.js";
import type { AnyRoute } from "../http/route-table.js";

type Json = Record<string, unknown>;

function schemaOf(schema: ZodType, io: "input" | "output"): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as Json;
  return rest;
}

function parametersOf(schema: ZodType | undefined, where: "path" | "query"): Json[] {
  if (!schema) return [];
  const js = schemaOf(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (js.required ?? []).includes(name),
    ...(typeof s.description === "string" ? { description: s.description } : {}),
    schema: s,
  }));
}

const toOpenApiPath = (p: string) => p.replace(/:([A-Za-z_]\w*)/g, "{$1}");

export interface OpenApiInfo {
  version: string;
  serverUrl: string;
  /** Where the table is mounted: /api (public) or /console/api (officers). */
  prefix?: string;
  title?: string;
  description?: string;
}

const PUBLIC_API = {
  title: "Khong Hen public API",
  description:
    "Ngày không viết – Ngày không hẹn: units, scheme status, procedures, citizen pre-registrations and public dossier status. " +
    "Errors: { error: { code, message (Vietnamese), detail (English), fields? } }.",
};

export function buildOpenApi(routes: AnyRoute[], info: OpenApiInfo): Json {
  const paths: Record<string, Record<string, Json>> = {};
  const prefix = info.prefix ?? "/api";
  for (const r of routes) {
    const path = `${prefix}${toOpenApiPath(r.path)}`;
    const responses: Record<string, Json> = {
      [String(r.response.status)]: {
        description: r.response.description,
        ...(r.response.schema || r.response.contentType
          ? {
              content: {
                [r.response.contentType ?? "application/json"]: {
                  schema: r.response.schema ? schemaOf(r.response.schema, "output") : { type: "string" },
                },
              },
            }
          : {}),
      },
    };
    const codes = new Set([
      ...r.errors,
      ...(r.params || r.query || r.body ? (["invalid_params", "invalid_query", "invalid_body"] as const) : []),
      "internal_error" as const,
    ]);
    const byStatus = new Map<number, string[]>();
    for (const c of codes) {
      if (c === "invalid_params" && !r.params) continue;
      if (c === "invalid_query" && !r.query) continue;
      if (c === "invalid_body" && !r.body) continue;
      const s = statusOf(c);
      byStatus.set(s, [...(byStatus.get(s) ?? []), c]);
    }
    for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
      responses[String(status)] = {
        description: `Error: ${list.join(", ")}`,
        content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } },
      };
    }
    paths[path] ??= {};
    paths[path][r.method] = {
      operationId: operationId(r),
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      parameters: [...parametersOf(r.params, "path"), ...parametersOf(r.query, "query")],
      ...(r.body
        ? {
            requestBody: {
              required: !r.bodyOptional,
              content: { "application/json": { schema: schemaOf(r.body, "input") } },
            },
          }
        : {}),
      ...(r.auth === "citizen" ? { security: [{ zaloAccessToken: [] }, { deviceToken: [] }] } : {}),
      ...(r.auth === "officer" ? { security: [{ consoleSession: [], csrfToken: [] }] } : {}),
      ...(r.may ? { "x-permission": r.may } : {}),
      ...(r.auth === "integration" ? { security: [{ integrationToken: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: info.title ?? PUBLIC_API.title,
      version: info.version,
      description: info.description ?? PUBLIC_API.description,
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      schemas: { ApiError: schemaOf(ApiErrorBody, "output") },
      securitySchemes: {
        zaloAccessToken: {
          type: "apiKey",
          in: "header",
          name: "X-Zalo-Access-Token",
          description: "Zalo Mini App access token (getAccessToken), verified with the Zalo Graph API",
        },
        deviceToken: {
          type: "http",
          scheme: "bearer",
          description: "Anonymous device token from POST /api/citizens/device",
        },
        consoleSession: {
          type: "apiKey",
          in: "cookie",
          name: "kh_console",
          description: "Console session (POST /console/api/login)",
        },
        csrfToken: {
          type: "apiKey",
          in: "header",
          name: "X-CSRF-Token",
          description: "The session's CSRF token (GET /console/api/session), on every state change",
        },
        integrationToken: {
          type: "http",
          scheme: "bearer",
          description:
            "Token of the province's TTHC information system, issued per province or unit (read API under /api/integration)",
        },
      },
    },
  };
}

function operationId(r: AnyRoute): string {
  const words = r.path
    .split("/")
    .filter(Boolean)
    .map((s) => s.replace(/^:/, "by-").replace(/[^A-Za-z0-9]+/g, "-"));
  return [r.method, ...words].join("-").replace(/-([a-z0-9])/gi, (_m, c: string) => c.toUpperCase());
}
