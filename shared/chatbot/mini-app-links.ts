/**
 * Links the chatbot puts on buttons. Inside Zalo a Mini App opens at a page with
 * `https://zalo.me/s/<ZALO_MINIAPP_ID>/<path>?…` (docs/zalo.md#customer-service-message sample [SECONDARY]); the paths are those of
 * mini-app/src/routes.ts. Without a Mini App id the web build opens at the same path under PUBLIC_BASE_URL/m/ (the web
 * build routes real paths there). The public status page is PUBLIC_BASE_URL/tra-cuu.
 */

export interface LinkSettings {
  miniAppId?: string;
  /** No trailing slash. */
  publicBaseUrl: string;
}

const e = encodeURIComponent;

/** Mini App paths (same as mini-app/src/routes.ts). */
const paths = {
  unit: (unitCode: string) => `/don-vi/${e(unitCode)}`,
  procedure: (unitCode: string, code: string) => `/don-vi/${e(unitCode)}/thu-tuc/${e(code)}`,
  preEntry: (unitCode: string, code: string) => `/don-vi/${e(unitCode)}/thu-tuc/${e(code)}/khai-truoc`,
  dossier: (code: string) => `/ho-so/${e(code)}`,
  feedback: (unitCode: string) => `/gop-y/${e(unitCode)}`,
};

function miniApp(s: LinkSettings, path: string): string {
  if (s.miniAppId) return `https://zalo.me/s/${e(s.miniAppId)}${path}`;
  return `${s.publicBaseUrl}/m${path}`;
}

export const chatLinks = {
  home: (s: LinkSettings) => miniApp(s, "/"),
  unit: (s: LinkSettings, unitCode: string) => miniApp(s, paths.unit(unitCode)),
  procedure: (s: LinkSettings, unitCode: string, code: string) => miniApp(s, paths.procedure(unitCode, code)),
  preEntry: (s: LinkSettings, unitCode: string, code: string) => miniApp(s, paths.preEntry(unitCode, code)),
  dossier: (s: LinkSettings, dossierCode: string) => miniApp(s, paths.dossier(dossierCode)),
  feedback: (s: LinkSettings, unitCode: string) => miniApp(s, paths.feedback(unitCode)),
  /** The public status page, with the code filled in when known. */
  statusPage: (s: LinkSettings, dossierCode?: string) =>
    `${s.publicBaseUrl}/tra-cuu${dossierCode ? `?code=${e(dossierCode)}` : ""}`,
};
