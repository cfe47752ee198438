/**
 * The dossier being filled at the counter: the chosen procedure, its fields, the documents checklist, the case
 * flags, the visit (identity scanned once, reused for every procedure of the same visit), and the request body
 * every intake call sends.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { fillFromIdentity, identityMismatches, type VisitIdentity } from "./applicant.js";
import { api } from "../api.js";
import { toEditable, toSubmit, type FormValues } from "./form-fields.js";
import { defaultDocuments, IDENTITY_DOC, newVisit, type DocState, type Procedure } from "./intake-types.js";

export function useIntakeForm(onLoadError: (message: string) => void) {
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [procedureCode, setProcedureCode] = useState<string | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [documents, setDocuments] = useState<Record<string, DocState>>({});
  const [flags, setFlags] = useState<string[]>([]);
  const [draftId, setDraftId] = useState<string | undefined>();
  const [preCode, setPreCode] = useState<string | undefined>();
  const [visit, setVisit] = useState(newVisit);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [warnings, setWarnings] = useState<string[]>([]);
  // Received during a pause of a scheme day: keep the same-day track, with a reason (audited).
  const [keepSameDay, setKeepSameDay] = useState(false);
  const [keepReason, setKeepReason] = useState("");
  const [docError, setDocError] = useState("");
  const procedure = procedures.find((p) => p.code === procedureCode);

  // A scan can come before today's procedures have arrived (a scanner is quick, the line may be slow): the scan
  // waits for them instead of answering "not received here today".
  const loaded = useRef<{ list: Promise<Procedure[]>; done: (list: Procedure[]) => void }>();
  if (!loaded.current) {
    let done: (list: Procedure[]) => void = () => {};
    const list = new Promise<Procedure[]>((resolve) => (done = resolve));
    loaded.current = { list, done };
  }
  useEffect(() => {
    api<{ procedures: Procedure[] }>("GET", "/procedures").then(
      (r) => {
        setProcedures(r.procedures);
        loaded.current!.done(r.procedures);
      },
      (e: Error) => {
        onLoadError(e.message);
        loaded.current!.done([]);
      },
    );
  }, []);
  const proceduresLoaded = useCallback(() => loaded.current!.list, []);

  const body = useCallback(
    () => ({
      procedureCode: procedureCode!,
      formData: procedure ? toSubmit(procedure.form, values) : {},
      caseFlags: flags,
      documents: Object.entries(documents).map(([id, d]) => ({
        id,
        received: d.received,
        count: d.count,
        kind: d.kind,
      })),
      visitId: visit.id,
      ...(draftId ? { draftId } : {}),
      ...(preCode && !draftId ? { preRegistrationCode: preCode } : {}),
      ...(keepSameDay && keepReason.trim().length >= 3 ? { keepSameDayReason: keepReason.trim() } : {}),
    }),
    [procedureCode, procedure, values, flags, documents, visit.id, draftId, preCode, keepSameDay, keepReason],
  );

  /** Open a procedure's form with the office defaults, the data brought (pre-entry or draft) and the visit's identity. */
  const choose = (p: Procedure, data: FormValues, identity: VisitIdentity | undefined) => {
    let v = { ...p.defaults, ...toEditable(p.form, data) };
    const fieldIds = p.form.fields.map((f) => f.id);
    if (identity) v = fillFromIdentity(fieldIds, v, identity);
    const docs = defaultDocuments(p);
    if (identity)
      for (const d of p.requiredDocuments) if (IDENTITY_DOC.test(d.id) && docs[d.id]) docs[d.id]!.received = true;
    setProcedureCode(p.code);
    setValues(v);
    setDocuments(docs);
    setFlags([]);
    setErrors({});
    setKeepSameDay(false);
    setKeepReason("");
    setDocError("");
    setWarnings(identity ? identityMismatches(fieldIds, v, identity) : []);
  };

  /** A CCCD read: remembered for the visit, and filled into the open form (the identity document counts as seen). */
  const takeIdentity = (identity: VisitIdentity) => {
    setVisit((v) => ({ ...v, identity }));
    if (!procedure) return;
    const fieldIds = procedure.form.fields.map((f) => f.id);
    const filled = fillFromIdentity(fieldIds, values, identity);
    setValues(filled);
    setDocuments((docs) =>
      Object.fromEntries(
        Object.entries(docs).map(([id, d]) => [id, IDENTITY_DOC.test(id) ? { ...d, received: true } : d]),
      ),
    );
    setWarnings(identityMismatches(fieldIds, filled, identity));
  };

  /** Close the form; keepVisit: the same citizen goes on with another procedure. */
  const clear = (keepVisit: boolean) => {
    setProcedureCode(null);
    setValues({});
    setDocuments({});
    setFlags([]);
    setDraftId(undefined);
    setPreCode(undefined);
    setErrors({});
    setWarnings([]);
    setKeepSameDay(false);
    setKeepReason("");
    if (!keepVisit) setVisit(newVisit());
  };

  /** The identity document is the only box left and the pre-entry holds an ID number: ask, in the same step. */
  const idNumber = procedure?.form.fields
    .map((f) => (/IdNumber$/.test(f.id) ? values[f.id] : undefined))
    .find((v): v is string => typeof v === "string" && v.trim() !== "");
  // Required documents not yet ticked: what Mẫu 02 lists, and what blocks "Tiếp nhận".
  const missingNow = useMemo(
    () => procedure?.requiredDocuments.filter((d) => d.always && !documents[d.id]?.received) ?? [],
    [procedure, documents],
  );
  const refusalFlags = procedure?.caseFlags.filter((f) => flags.includes(f.id) && f.note.includes("Mẫu 03")) ?? [];

  return {
    procedures,
    proceduresLoaded,
    procedure,
    procedureCode,
    values,
    setValues,
    documents,
    setDocuments,
    flags,
    setFlags,
    draftId,
    setDraftId,
    preCode,
    setPreCode,
    visit,
    setVisit,
    errors,
    setErrors,
    warnings,
    setWarnings,
    keepSameDay,
    setKeepSameDay,
    keepReason,
    setKeepReason,
    docError,
    setDocError,
    body,
    choose,
    takeIdentity,
    clear,
    idNumber,
    missingNow,
    refusalFlags,
  };
}

export type IntakeForm = ReturnType<typeof useIntakeForm>;
