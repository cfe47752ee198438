/** The citizen's own data (Luật số 91/2025/QH15): see it, download it (JSON or a readable page), ask for a correction. */
import { z } from "zod";
import { CorrectionInput, CorrectionRequest, MyData } from "../../../shared/api/my-data.js";
import type { OutcomeCode } from "../../../shared/outcomes.js";
import { route } from "../http/route-table.js";
import { myData, requestCorrection } from "../use-cases/my-data.js";
import { myDataPage } from "./my-data-page.js";

const IDENTITY_ERRORS: OutcomeCode[] = [
  "unauthenticated",
  "invalid_device_token",
  "invalid_zalo_token",
  "identity_unavailable",
  "zalo_not_configured",
];
const TAG = "Citizens";

export const myDataRoutes = [
  route({
    method: "get",
    path: "/citizens/me/data",
    tag: TAG,
    summary: "Everything the system holds about me",
    description:
      "Account, pre-entries with their form data, dossiers' personal fields, feedback, consent records and correction requests. `download=1` answers it as a file. Every read is audited.",
    auth: "citizen",
    query: z.object({ download: z.literal("1").optional() }),
    response: { status: 200, schema: MyData, description: "The calling citizen's data" },
    errors: [...IDENTITY_ERRORS, "rate_limited"],
    async handler({ citizen, query }, deps) {
      const download = query.download === "1";
      const r = await myData(deps, citizen, download ? "download" : "view");
      const headers: Record<string, string> = download
        ? { "Content-Disposition": 'attachment; filename="du-lieu-ca-nhan.json"', "Cache-Control": "no-store" }
        : { "Cache-Control": "no-store" };
      return r.ok ? { ...r, headers } : r;
    },
  }),
  route({
    method: "get",
    path: "/citizens/me/data/page",
    tag: TAG,
    summary: "Everything the system holds about me, as a readable page",
    auth: "citizen",
    response: {
      status: 200,
      contentType: "text/html",
      description: "A Vietnamese page to read or print (the read is audited)",
    },
    errors: [...IDENTITY_ERRORS, "rate_limited"],
    async handler({ citizen }, deps) {
      const r = await myData(deps, citizen, "download");
      return r.ok ? { ok: true, value: myDataPage(r.value), headers: { "Cache-Control": "no-store" } } : r;
    },
  }),
  route({
    method: "post",
    path: "/citizens/me/corrections",
    tag: TAG,
    summary: "Ask the unit holding my data to correct it",
    description:
      "Names a pre-registration (its code), a dossier (its code) or a feedback (its id), or `contact`/`other` (goes to the unit I dealt with last). The unit administrator answers in the console.",
    auth: "citizen",
    body: CorrectionInput,
    response: { status: 201, schema: CorrectionRequest, description: "Received" },
    errors: [
      ...IDENTITY_ERRORS,
      "pre_registration_not_found",
      "dossier_not_found",
      "data_request_no_unit",
      "payload_too_large",
      "unsupported_media_type",
      "malformed_json",
      "rate_limited",
    ],
    handler: ({ citizen, body }, deps) => requestCorrection(deps, citizen, body),
  }),
];
