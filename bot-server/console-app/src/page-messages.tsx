/**
 * The messages a console page shows: what the officer's last action did (a status) and what went wrong (an alert,
 * read out at once), and the page's place while its data loads.
 */
import type { ReactNode } from "react";

/** The outcome of the officer's last action on the page: what was done, or what went wrong. */
export function ActionMessages({ notice, error }: { notice: ReactNode; error: string }) {
  return (
    <>
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** A page waiting for its data: "Đang tải…", or the error that stopped it. */
export function Loading({ error }: { error: string }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : (
    <p className="muted">Đang tải…</p>
  );
}
