/** What a screen shows while its data loads, or when loading failed (with the server's Vietnamese message). */
import { Button } from "zmp-ui";
import type { ApiError } from "../api/http.js";
import { Notice } from "./Notice.js";

export function Loading({ text = "Đang tải…" }: { text?: string }) {
  return (
    <p className="kh-loading" aria-busy="true">
      {text}
    </p>
  );
}

export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="kh-stack">
      <Notice tone="error" title={error.message} />
      {onRetry ? (
        <Button variant="secondary" fullWidth onClick={onRetry}>
          Thử lại
        </Button>
      ) : null}
    </div>
  );
}
