/**
 * Tiếp nhận ("Ngày không viết"): scan a pre-registration code or the citizen's CCCD QR (a USB scanner types the
 * payload and Enter), or pick a procedure for a walk-in; the form with every field, the documents checklist, case
 * flags and the live track decision; print the application form, then receive (or Mẫu 02 / Mẫu 03).
 * Identity scanned once is reused for every procedure of the same visit. The citizen mirror shows what is typed.
 * State lives in hooks (use-intake-form, use-intake-actions, use-supplement-panels, use-track-decision), each step
 * of the screen in its own component of this folder.
 */
import { useEffect, useRef } from "react";
import type { OfficerView as Officer } from "../../../../shared/console/officers.js";
import { PrintPreview } from "../print-preview.js";
import { CaseFlags, DocumentsChecklist } from "./documents-checklist.js";
import { displayValue, FormFields } from "./form-fields.js";
import { IdentityCheck } from "./identity-check.js";
import { IntakeActionBar } from "./intake-action-bar.js";
import { ReceiveResult } from "./receive-result.js";
import { ScanStep } from "./scan-step.js";
import { SupplementSheets } from "./supplement-sheets.js";
import { TrackDecision } from "./track-decision.js";
import { useIntakeActions, useIntakeMessages } from "./use-intake-actions.js";
import { useIntakeForm } from "./use-intake-form.js";
import { useIntakeShortcuts } from "./use-intake-shortcuts.js";
import { useMirror } from "./use-mirror.js";
import { useSupplementPanels } from "./use-supplement-panels.js";
import { useTrackDecision } from "./use-track-decision.js";

export function IntakePage({ officer }: { officer: Officer }) {
  const scanRef = useRef<HTMLInputElement>(null);
  const canReceive = officer.role === "counter_officer";
  const say = useIntakeMessages();
  const form = useIntakeForm(say.setMessage);
  const panels = useSupplementPanels();
  const actions = useIntakeActions(form, panels, say, canReceive, scanRef);
  const decision = useTrackDecision(form);
  const mirror = useMirror();
  useIntakeShortcuts(form, actions, say, officer.role, canReceive);
  const { procedure, values } = form;
  const { result, printing } = actions;

  // What the citizen sees on the mirror: every filled field, as typed.
  useEffect(() => {
    if (!procedure || result) return;
    mirror.show(
      procedure.name,
      procedure.form.fields
        .map((f) => ({ label: f.label, value: displayValue(f, values[f.id]) }))
        .filter((f) => f.value !== ""),
    );
  }, [procedure, values, result, mirror.show]);

  return (
    <>
      {printing && (
        <PrintPreview
          url={printing.url}
          title={printing.title}
          onClose={() => {
            actions.setPrinting(null);
            scanRef.current?.focus();
          }}
          {...(printing.receiveHere && canReceive
            ? {
                action: {
                  label: "Tiếp nhận (F9)",
                  run: () => {
                    actions.setPrinting(null);
                    void actions.receive();
                  },
                },
              }
            : {})}
        />
      )}
      <ScanStep form={form} actions={actions} say={say} scanRef={scanRef} mirror={mirror} />

      {result && <ReceiveResult result={result} print={actions.setPrinting} reset={actions.reset} />}

      {procedure && !result && (
        <div className="grid2">
          <div className="card">
            <h2>
              {procedure.name} <span className="muted">({procedure.code})</span>
            </h2>
            <p className="muted">
              {procedure.form.title} · {procedure.form.legalSource}
            </p>
            <FormFields
              form={procedure.form}
              values={values}
              errors={form.errors}
              onChange={(id, v) => form.setValues((x) => ({ ...x, [id]: v }))}
            />
          </div>
          <div>
            <TrackDecision decision={decision} form={form} canReceive={canReceive} />
            <DocumentsChecklist procedure={procedure} form={form} />
            <CaseFlags procedure={procedure} form={form} />
            <SupplementSheets procedure={procedure} form={form} panels={panels} actions={actions} />
          </div>
        </div>
      )}

      {actions.askIdentity && procedure && !result && (
        <IdentityCheck procedure={procedure} idNumber={form.idNumber} actions={actions} />
      )}

      {procedure && !result && (
        <IntakeActionBar form={form} actions={actions} panels={panels} say={say} canReceive={canReceive} />
      )}
    </>
  );
}
