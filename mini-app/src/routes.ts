/** Every path of the app in one place (the screens link through these, never by hand-built strings). */
const e = encodeURIComponent;

export const paths = {
  home: () => "/",
  unit: (unitCode: string) => `/don-vi/${e(unitCode)}`,
  procedures: (unitCode: string) => `/don-vi/${e(unitCode)}/thu-tuc`,
  procedure: (unitCode: string, code: string) => `/don-vi/${e(unitCode)}/thu-tuc/${e(code)}`,
  preEntry: (unitCode: string, code: string) => `/don-vi/${e(unitCode)}/thu-tuc/${e(code)}/khai-truoc`,
  ticket: (id: string) => `/phieu/${e(id)}`,
  myDossiers: () => "/ho-so-cua-toi",
  dossier: (code: string) => `/ho-so/${e(code)}`,
  myData: () => "/du-lieu-cua-toi",
  feedback: (unitCode: string, dossierCode?: string) =>
    `/gop-y/${e(unitCode)}${dossierCode ? `?hoSo=${e(dossierCode)}` : ""}`,
};

/** The web build is served at /m/ (bot-server mini-app-static); Vite's dev server serves it at /. */
export function webBase(pathname: string): string {
  return pathname === "/m" || pathname.startsWith("/m/") ? "/m" : "";
}
