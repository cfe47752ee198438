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

/** Told when a call was refused because the session ended (idle or absolute end), and after each call the officer made. */
export const sessionEvents = new EventTarget();

/**
 * `background`: a call the console makes by itself (a timer, a poll): it does not count as the officer's activity,
 * so it does not keep an unattended session alive.
 */
export async function api<T>(
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
  options: { background?: boolean } = {},
): Promise<T> {
  const res = await fetch(`/console/api${path}`, {
    method,
    credentials: "same-origin",
    headers: {
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...(method !== "GET" ? { "X-CSRF-Token": csrfToken } : {}),
      ...(options.background ? { "X-Console-Background": "1" } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const data = (await res.json().catch(() => ({}))) as {
    error?: { code: string; message: string; fields?: { path: string; message: string }[] };
  };
  if (res.status === 401 && data.error?.code === "not_signed_in" && path !== "/session")
    sessionEvents.dispatchEvent(new Event("ended"));
  if (!res.ok)
    throw new ApiError(
      res.status,
      data.error?.code ?? "error",
      data.error?.message ?? "Đã có lỗi, vui lòng thử lại.",
      data.error?.fields ?? [],
    );
  if (!options.background && path !== "/session") sessionEvents.dispatchEvent(new Event("active"));
  return data as T;
}

/**
 * A GET for an effect that depends on a choice (a year, a unit): the answer reaches `onValue` or `onError` only while
 * the effect is current, so a slow answer for a choice left behind never replaces the chosen one. Returns the cleanup.
 */
export function loadForEffect<T>(path: string, onValue: (value: T) => void, onError: (e: Error) => void): () => void {
  let current = true;
  api<T>("GET", path).then(
    (value) => current && onValue(value),
    (e: Error) => current && onError(e),
  );
  return () => {
    current = false;
  };
}

export const formUrl = (dossierId: string, form: string) => `/console/api/dossiers/${dossierId}/forms/${form}.pdf`;
