/** The live track decision (time, scheme day, 15:00 cutoff, case flags) and the documents still missing, refreshed as the officer works. */
import { useEffect, useState } from "react";
import { api } from "../api.js";
import type { IntakeForm } from "./use-intake-form.js";
import type { Decision } from "./intake-types.js";

export function useTrackDecision({
  procedureCode,
  flags,
  documents,
  body,
}: Pick<IntakeForm, "procedureCode" | "flags" | "documents" | "body">) {
  const [decision, setDecision] = useState<Decision | null>(null);
  useEffect(() => {
    if (!procedureCode) return setDecision(null);
    let alive = true;
    const decide = () =>
      api<Decision>("POST", "/intake/decide", { ...body(), formData: {} }, { background: true }).then(
        (d) => alive && setDecision(d),
        () => undefined,
      );
    const t = setTimeout(decide, 150);
    const every = setInterval(decide, 30_000);
    return () => {
      alive = false;
      clearTimeout(t);
      clearInterval(every);
    };
  }, [procedureCode, flags, documents, body]);
  return decision;
}
