/**
 * What the Zalo bundle must know at build time. Inside Zalo the app is served from https://h5.zdn.vn, so a relative
 * "/api" would reach Zalo's host, not ours: the bundle carries the API's absolute HTTPS URL (VITE_API_BASE), and
 * without one no Zalo bundle is produced. Zalo calls only HTTPS domains (server-side CORS and HTTPS:
 * https://miniapp.zaloplatforms.com/documents/intro/convert-web-app-to-zalo-mini-app [SECONDARY]).
 */
export type ZaloApiBase = { ok: true; apiBase: string } | { ok: false; message: string };

export function zaloApiBase(value: string | undefined): ZaloApiBase {
  const v = value?.trim() ?? "";
  if (v === "") {
    return {
      ok: false,
      message:
        "Thiếu VITE_API_BASE: gói Mini App cho Zalo cần địa chỉ tuyệt đối của API, ví dụ https://motcua.example.gov.vn/api / " +
        "VITE_API_BASE is required for the Zalo bundle (the API's absolute URL, e.g. https://motcua.example.gov.vn/api)",
    };
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return { ok: false, message: `VITE_API_BASE "${v}" không phải địa chỉ tuyệt đối / is not an absolute URL` };
  }
  if (url.protocol !== "https:" || /^\d+\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname === "localhost") {
    return {
      ok: false,
      message: `VITE_API_BASE "${v}" phải là https:// trên một tên miền / must be https:// on a domain name (Zalo calls no IP, no plain http)`,
    };
  }
  return { ok: true, apiBase: url.href.replace(/\/+$/, "") };
}
