/**
 * Screen 4: pre-entry of the procedure's official form. Consent first, then "for whom", the CCCD scan,
 * one question per screen, check answers, send. Every change is written to the phone at once; the server
 * copy follows on each "Tiếp tục" when there is a network. Nothing typed is lost to a dropped connection
 * or a refused request.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button, useNavigate, useParams } from "zmp-ui";
import type { CccdQrValue } from "../../../../shared/cccd/parse-cccd-qr.js";
import type { FormField } from "../../../../shared/procedures/procedure-version.js";
import type { ApiError } from "../../api/http.js";
import type { ProcedureDetail } from "../../api/types.js";
import { LoadError, Loading } from "../../components/LoadState.js";
import { Notice } from "../../components/Notice.js";
import { Screen } from "../../components/Screen.js";
import { useDeps } from "../../deps.js";
import { cccdFill } from "../../form/cccd-fill.js";
import { syncDraft } from "../../form/draft-sync.js";
import { preEntryConfig } from "../../form/pre-entry-config.js";
import {
  applyMirror,
  buildSteps,
  isSelf,
  isSkipped,
  nextStep,
  previousStep,
  progress,
  stepOfField,
  type FormData,
} from "../../form/steps.js";
import { createValidator, serverFieldMessages, type FieldMessages } from "../../form/validate.js";
import { useApi } from "../../hooks/use-api.js";
import { paths } from "../../routes.js";
import { discardDraft, loadDraft, saveDraft, saveTicket, type DeviceDraft } from "../../state/device-store.js";
import { ticketFrom } from "../../state/ticket.js";
import { CheckAnswers } from "./CheckAnswers.js";
import { ConsentStep } from "./ConsentStep.js";
import { FieldInput } from "./FieldInput.js";
import { ScanStep } from "./ScanStep.js";

const FIXED = ["consent", "for-whom", "scan", "check"];
const CONSENT_AGAIN = new Set(["consent_outdated", "consent_required"]);

export default function PreEntryPage() {
  const { unitCode = "", procedureCode = "" } = useParams();
  const { api } = useDeps();
  const detail = useApi(() => api.getProcedure(procedureCode, unitCode), `${unitCode}/${procedureCode}`);
  if (detail.state === "loading")
    return (
      <Screen title="Khai trước hồ sơ" name="pre-entry">
        <Loading />
      </Screen>
    );
  if (detail.state === "error") {
    return (
      <Screen title="Khai trước hồ sơ" name="pre-entry">
        <LoadError error={detail.error} onRetry={detail.reload} />
      </Screen>
    );
  }
  return <PreEntryForm unitCode={unitCode} procedure={detail.value} />;
}

function newDraft(unitCode: string, procedure: ProcedureDetail): DeviceDraft {
  return {
    unitCode,
    procedureCode: procedure.code,
    versionId: procedure.versionId,
    formData: {},
    position: "consent",
    updatedAt: new Date().toISOString(),
    unsynced: false,
  };
}

function PreEntryForm({ unitCode, procedure }: { unitCode: string; procedure: ProcedureDetail }) {
  const { api, zalo } = useDeps();
  const navigate = useNavigate();
  const scheme = useApi(() => api.getScheme(unitCode), `scheme/${unitCode}`);
  const fields = procedure.form.fields as unknown as FormField[];
  const config = preEntryConfig(procedure.code);
  const steps = useMemo(() => buildSteps(fields, config), [fields, config]);
  const validator = useMemo(() => createValidator({ fields }), [fields]);
  const [resumed, setResumed] = useState(() => loadDraft(zalo.storage, unitCode, procedure.code));
  const [erased, setErased] = useState<string | null>(null);
  const [draft, setDraft] = useState<DeviceDraft>(() => resumed ?? newDraft(unitCode, procedure));
  const [messages, setMessages] = useState<FieldMessages>({});
  const [syncError, setSyncError] = useState<ApiError | null>(null);
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [returnToCheck, setReturnToCheck] = useState(false);
  const [busy, setBusy] = useState(false);

  const scanned = useMemo(() => new Set(draft.scanned ?? []), [draft.scanned]);
  const ctx = { config, data: draft.formData, scanned };
  const hasScan = zalo.capabilities.scan && Object.keys(config.cccd).length > 0;
  const position =
    FIXED.includes(draft.position) || steps.some((s) => s.id === draft.position) ? draft.position : "consent";

  const update = useCallback(
    (change: Partial<DeviceDraft>) => {
      setDraft((d) => {
        const next = { ...d, ...change, updatedAt: new Date().toISOString() };
        saveDraft(zalo.storage, next);
        return next;
      });
    },
    [zalo.storage],
  );

  const setAnswers = (answers: FormData) => {
    const wasSelf = isSelf(config, draft.formData);
    const formData = applyMirror(config, { ...draft.formData, ...answers }, wasSelf);
    update({ formData, unsynced: true });
    setMessages((m) => {
      const rest = { ...m };
      for (const k of Object.keys(answers)) delete rest[k];
      return rest;
    });
  };

  const go = (to: string) => {
    update({ position: to });
    setMessages({});
    setGeneralError(null);
    document.querySelector(".kh-page")?.scrollTo?.({ top: 0 });
  };
  const firstQuestion = (d = draft) =>
    nextStep(steps, null, { config, data: d.formData, scanned: new Set(d.scanned ?? []) })?.id ?? "check";
  const afterForWhom = () => (hasScan ? "scan" : firstQuestion());

  /** Send the device copy to the server; a failure is shown but never blocks the next question. */
  const sync = async (d: DeviceDraft) => {
    const r = await syncDraft(api, zalo.storage, d);
    if (r.ok === "device-only") return r;
    if (r.ok === false && CONSENT_AGAIN.has(r.error.code)) {
      // The notice changed since it was accepted: ask again before anything else is sent.
      update({ ...r.draft, consentVersion: undefined, position: "consent" });
      setSyncError(r.error);
      return r;
    }
    // The citizen may have gone on while the request was out (a tap on the next question during a slow first save):
    // keep what they did since, with the server's ids, instead of putting them back where the request started.
    setDraft((current) => {
      if (current.position === d.position && current.formData === d.formData) return r.draft;
      const merged: DeviceDraft = {
        ...current,
        serverId: r.draft.serverId,
        versionId: r.draft.versionId,
        unsynced: r.draft.unsynced || current.formData !== d.formData,
      };
      saveDraft(zalo.storage, merged);
      return merged;
    });
    setSyncError(r.ok ? null : r.error);
    return r;
  };

  useEffect(() => {
    const online = () => {
      if (draft.unsynced && draft.consentVersion) void sync(draft);
    };
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  });

  const acceptConsent = (version: string) => {
    const unitName = scheme.state === "ok" ? scheme.value.unit.displayName : undefined;
    const prefill: FormData = {};
    for (const id of config.fromUnit) if (unitName && !draft.formData[id]) prefill[id] = `Ủy ban nhân dân ${unitName}`;
    // Accepting again (the notice changed) returns to the answers already given.
    const answered = Object.keys(draft.formData).some((id) => !config.fromUnit.includes(id));
    const position = answered ? "check" : config.forWhom ? "for-whom" : afterForWhom();
    const next = { ...draft, consentVersion: version, formData: { ...draft.formData, ...prefill }, position };
    update(next);
    void sync(next);
  };

  const chooseForWhom = (self: boolean) => {
    const w = config.forWhom!;
    const wasSelf = isSelf(config, draft.formData);
    const data = { ...draft.formData, [w.field]: self ? w.selfValue : wasSelf ? undefined : draft.formData[w.field] };
    const formData = applyMirror(config, data, wasSelf);
    const next = { ...draft, formData, unsynced: true };
    update({ ...next, position: hasScan ? "scan" : firstQuestion(next) });
  };

  const confirmScan = (value: CccdQrValue) => {
    const filled = cccdFill(fields, config, value, isSelf(config, draft.formData));
    const formData = applyMirror(config, { ...draft.formData, ...filled }, false);
    const next = {
      ...draft,
      formData,
      scanned: [...new Set([...(draft.scanned ?? []), ...Object.keys(filled)])],
      unsynced: true,
    };
    const to = returnToCheck ? "check" : firstQuestion(next);
    update({ ...next, position: to });
    void sync({ ...next, position: to });
  };

  const step = steps.find((s) => s.id === position);

  const continueStep = async () => {
    if (!step) return;
    const mine = validator.step(draft.formData, step);
    if (Object.keys(mine).length > 0) return setMessages(mine);
    setBusy(true);
    const r = await sync(draft);
    setBusy(false);
    if (r.ok === false && r.error.status >= 400 && r.error.status < 500) {
      const server = serverFieldMessages(r.error.fields);
      const here = Object.fromEntries(step.fields.filter((f) => server[f.id]).map((f) => [f.id, server[f.id]!]));
      if (Object.keys(here).length > 0) return setMessages(here);
    }
    go(returnToCheck ? "check" : (nextStep(steps, step.id, ctx)?.id ?? "check"));
  };

  const back = () => {
    if (position === "consent") return navigate(-1);
    if (position === "for-whom") return go("consent");
    if (position === "scan") return go(config.forWhom ? "for-whom" : "consent");
    if (returnToCheck && position !== "check") return go("check");
    const prev =
      position === "check" ? [...steps].reverse().find((s) => !isSkipped(s, ctx)) : previousStep(steps, position, ctx);
    if (prev) return go(prev.id);
    go(hasScan ? "scan" : config.forWhom ? "for-whom" : "consent");
  };

  const self = isSelf(config, draft.formData);
  const mirrored = new Set(self ? Object.keys(config.forWhom?.mirror ?? {}) : []);
  const asked = steps.flatMap((s) => s.fields);
  const checkMessages = position === "check" ? { ...validator.all(draft.formData), ...messages } : messages;
  const checkSections = procedure.form.sections
    .map((section) => {
      const inSection = asked.filter((f) => f.section === section.id);
      const shown = inSection.filter((f) => !mirrored.has(f.id) || checkMessages[f.id]);
      const note =
        shown.length < inSection.length
          ? "Người được cấp giấy là người yêu cầu (Bản thân): họ tên, ngày sinh, nơi cư trú và giấy tờ tùy thân như đã khai ở trên."
          : undefined;
      return { label: section.label, fields: shown, ...(note ? { note } : {}) };
    })
    .filter((s) => s.fields.length > 0 || s.note);

  const submit = async () => {
    const client = validator.all(draft.formData);
    if (Object.keys(client).length > 0) return setMessages(client);
    setBusy(true);
    setGeneralError(null);
    let current = draft;
    if (current.unsynced || !current.serverId) {
      const r = await sync(current);
      if (r.ok === false) {
        setBusy(false);
        setMessages(serverFieldMessages(r.error.fields));
        return setGeneralError(r.error.message);
      }
      current = r.draft;
    }
    const sent = await api.submitPreRegistration(current.serverId!);
    if (!sent.ok) {
      setBusy(false);
      setMessages(serverFieldMessages(sent.error.fields));
      return setGeneralError(sent.error.message);
    }
    const svg = await api.getPreRegistrationQrSvg(sent.value.id);
    const ticket = ticketFrom(
      sent.value,
      { procedure, scheme: scheme.state === "ok" ? scheme.value : undefined, qrSvg: svg.ok ? svg.value : undefined },
      new Date(),
    );
    saveTicket(zalo.storage, ticket);
    discardDraft(zalo.storage, unitCode, procedure.code);
    setBusy(false);
    navigate(paths.ticket(ticket.id), { replace: true });
  };

  /** Deleting the draft erases it on the server too (the consent notice promises it), then starts afresh. */
  const restart = async () => {
    setGeneralError(null);
    if (draft.serverId) {
      setBusy(true);
      const r = await api.cancelPreRegistration(draft.serverId);
      setBusy(false);
      if (!r.ok && r.error.code !== "pre_registration_not_found") {
        return setGeneralError(
          r.error.status === 0
            ? "Chưa xóa được bản khai trên máy chủ (mất kết nối). Vui lòng thử lại khi có mạng."
            : r.error.message,
        );
      }
    }
    discardDraft(zalo.storage, unitCode, procedure.code);
    setDraft(newDraft(unitCode, procedure));
    setResumed(undefined);
    setErased("Đã xóa bản khai và mọi thông tin bạn đã nhập.");
    setReturnToCheck(false);
  };

  const unsyncedBanner =
    draft.consentVersion && syncError && syncError.status === 0 ? (
      <Notice tone="warning" title="Chưa gửi được lên máy chủ (mất kết nối).">
        Thông tin bạn nhập đã được lưu trên máy này và sẽ được gửi khi có mạng.
      </Notice>
    ) : syncError && syncError.status !== 0 && position !== "check" && !syncError.fields.length ? (
      <Notice tone="error" title={syncError.message} />
    ) : null;

  let body;
  if (position === "consent") body = <ConsentStep onAccept={acceptConsent} />;
  else if (position === "for-whom" && config.forWhom) {
    body = (
      <div className="kh-stack" data-step="for-whom">
        <h1 className="kh-question">Bạn xin giấy cho ai?</h1>
        <Button fullWidth className="kh-btn-lg" onClick={() => chooseForWhom(true)}>
          Cho chính tôi
        </Button>
        <Button fullWidth variant="secondary" className="kh-btn-lg" onClick={() => chooseForWhom(false)}>
          Cho người thân hoặc người khác
        </Button>
      </div>
    );
  } else if (position === "scan")
    body = <ScanStep onConfirm={confirmScan} onManual={() => go(returnToCheck ? "check" : firstQuestion())} />;
  else if (position === "check") {
    body = (
      <CheckAnswers
        sections={checkSections}
        data={draft.formData}
        messages={checkMessages}
        generalError={generalError}
        sending={busy}
        onSubmit={submit}
        onChange={(fieldId) => {
          const target = stepOfField(steps, fieldId, config, draft.formData);
          setReturnToCheck(true);
          if (target) go(target.id);
        }}
      />
    );
  } else if (step) {
    const p = progress(steps, step.id, ctx);
    const single = step.fields.length === 1;
    body = (
      <form
        className="kh-stack"
        data-step={step.id}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void continueStep();
        }}
      >
        {p.index > 0 ? (
          <p className="kh-meta">
            Câu {p.index}/{p.total}
          </p>
        ) : null}
        {!single ? <h1 className="kh-question">{step.fields[0]!.label}</h1> : null}
        {step.fields.map((f, i) => (
          <FieldInput
            key={f.id}
            field={f}
            value={draft.formData[f.id]}
            error={messages[f.id]}
            asHeading={single}
            labelHidden={!single && i === 0}
            suggestions={config.suggestions[f.id]}
            onChange={(v) => setAnswers({ [f.id]: v })}
          />
        ))}
        <Button htmlType="submit" fullWidth className="kh-btn-lg" loading={busy}>
          {returnToCheck ? "Lưu và quay lại kiểm tra" : "Tiếp tục"}
        </Button>
      </form>
    );
  }

  return (
    <Screen title="Khai trước hồ sơ" name="pre-entry" onBack={back}>
      <p className="kh-meta">{procedure.name}</p>
      {erased && position === "consent" ? <Notice tone="success" title={erased} /> : null}
      {resumed && position !== "consent" ? (
        <div className="kh-resume">
          <Notice tone="info" title="Bạn đang tiếp tục bản khai đã lưu trên máy này." />
          <button type="button" className="kh-link" disabled={busy} onClick={() => void restart()}>
            Xóa bản khai và làm lại từ đầu
          </button>
          {generalError && position !== "check" ? <Notice tone="error" title={generalError} /> : null}
        </div>
      ) : null}
      {unsyncedBanner}
      {body}
    </Screen>
  );
}
