/** JSON calls to /console/api with the session cookie and the CSRF header; errors carry the server's Vietnamese message. */
let csrfToken = "";

export function setCsrf(token: string): void {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export async function api<T>(method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/console/api${path}`, {
    method,
    credentials: "same-origin",
    headers: { ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...(method !== "GET" ? { "X-CSRF-Token": csrfToken } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const data = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; fields?: { path: string; message: string }[] } };
  if (!res.ok) throw new ApiError(res.status, data.error?.code ?? "error", data.error?.message ?? "Đã có lỗi, vui lòng thử lại.", data.error?.fields ?? []);
  return data as T;
}

export const formUrl = (dossierId: string, form: string) => `/console/api/dossiers/${dossierId}/forms/${form}.pdf`;
