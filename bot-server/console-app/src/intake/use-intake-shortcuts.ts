/**
 * The page's standing listeners: "Tiếp tục" on a draft opens it here; before an unattended session ends what was
 * typed is saved as a draft; F2 prints the application form, F9 receives. Re-attached each render, so they act
 * on what the page shows now.
 */
import { useEffect } from "react";
import { api } from "../api.js";
import { RESUME_KEY } from "../draft-actions.js";
import { IDLE_WARNING_EVENT } from "../idle-guard.js";
import type { IntakeActions, IntakeMessages } from "./use-intake-actions.js";
import type { IntakeForm } from "./use-intake-form.js";
import type { DraftReply } from "../../../../shared/console/intake.js";

export function useIntakeShortcuts(
  form: IntakeForm,
  actions: IntakeActions,
  say: IntakeMessages,
  role: string,
  canReceive: boolean,
) {
  const { procedure, procedures } = form;
  const { result, printing } = actions;

  // "Tiếp tục" on a draft in "Đang kê khai" opens it here, once the procedures are known.
  useEffect(() => {
    const code = sessionStorage.getItem(RESUME_KEY);
    if (!code || procedures.length === 0) return;
    sessionStorage.removeItem(RESUME_KEY);
    void actions.onScan(code);
  });

  // Before an unattended session ends, what was typed is saved as a draft on the server (found again under "Đang kê khai").
  useEffect(() => {
    const onWarning = () => {
      if (!procedure || result || (role !== "counter_officer" && role !== "volunteer")) return;
      api<DraftReply>("POST", "/intake/drafts", form.body(), { background: true }).then(
        (r) => {
          form.setDraftId(r.draftId);
          say.setNotice(`Đã lưu nháp hồ sơ (mã tham chiếu ${r.code}).`);
        },
        () => undefined,
      );
    };
    window.addEventListener(IDLE_WARNING_EVENT, onWarning);
    return () => window.removeEventListener(IDLE_WARNING_EVENT, onWarning);
  });

  // Keyboard: F2 prints the form, F9 receives; the scan box keeps focus between dossiers.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (printing) return;
      if (e.key === "F2" && procedure) {
        e.preventDefault();
        void actions.printApplication();
      } else if (e.key === "F9" && procedure && canReceive && !result) {
        e.preventDefault();
        void actions.receive();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
}
