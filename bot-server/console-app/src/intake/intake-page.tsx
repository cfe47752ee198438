/**
 * Tiếp nhận ("Ngày không viết"): scan a pre-registration code or the citizen's CCCD QR (a USB scanner types the
 * payload and Enter), or pick a procedure for a walk-in; the form with every field, the documents checklist, case
 * flags and the live track decision; print the application form, then receive (or Mẫu 02 / Mẫu 03).
 * Identity scanned once is reused for every procedure of the same visit. The citizen mirror shows what is typed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { parseCccdQr } from "../../../../shared/cccd/parse-cccd-qr.js";
import type { CaseFlag, FormDefinition, RequiredDocument } from "../../../../shared/procedures/procedure-version.js";
import { documentKindLabels } from "../../../../shared/procedures/procedure-version.js";
import { fillFromIdentity, identityMismatches, type VisitIdentity } from "../../../../shared/dossier/applicant-fields.js";
import { api, ApiError, formUrl } from "../api.js";
import type { Officer } from "../console-app.js";
import { RESUME_KEY } from "../draft-actions.js";
import { dmy, TRACK_LABEL } from "../format.js";
import { PrintPreview } from "../print-preview.js";
import { navigate } from "../router.js";
import { displayValue, FormFields, isoToDmy, toEditable, toSubmit, type FormValues } from "./form-fields.js";
import { AddressOffer, withCurrentAddress } from "./address-offer.js";
import { useMirror } from "./use-mirror.js";
import { IDLE_WARNING_EVENT } from "../idle-guard.js";
import type { DecideReply, DraftReply, ReceiveReply } from "../../../../shared/console/intake.js";

interface Procedure {
  /** Values the office fills for every citizen (e.g. "Kính gửi: Ủy ban nhân dân xã …"). */
  defaults: FormValues;
  code: string;
  name: string;
  versionId: string;
  form: FormDefinition;
  requiredDocuments: RequiredDocument[];
  caseFlags: CaseFlag[];
}
type Decision = DecideReply;
interface DocState { received: boolean; count: number; kind: string }
type Result = ReceiveReply;

const APPLICATION_DOC = /^(Tờ khai|Phiếu yêu cầu|Giấy đề nghị)/i;
const IDENTITY_DOC = /identity|cccd|can_cuoc/;

function defaultDocuments(p: Procedure): Record<string, DocState> {
  return Object.fromEntries(p.requiredDocuments.map((d) => [d.id, { received: APPLICATION_DOC.test(d.name), count: d.count, kind: d.kind }]));
}

const newVisit = () => ({ id: crypto.randomUUID(), identity: undefined as VisitIdentity | undefined });

export function IntakePage({ officer }: { officer: Officer }) {
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [procedureCode, setProcedureCode] = useState<string | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [documents, setDocuments] = useState<Record<string, DocState>>({});
  const [flags, setFlags] = useState<string[]>([]);
  const [draftId, setDraftId] = useState<string | undefined>();
  const [preCode, setPreCode] = useState<string | undefined>();
  const [visit, setVisit] = useState(newVisit);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [notice, setNotice] = useState("");
  const [warnings, setWarnings] = useState<string[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  // receiveHere: the application form's sheet offers "Tiếp nhận" once the citizen has checked and signed it.
  const [printing, setPrinting] = useState<{ url: string; title: string; receiveHere?: boolean } | null>(null);
  const [panel, setPanel] = useState<"incomplete" | "refuse" | null>(null);
  const [extraMissing, setExtraMissing] = useState("");
  const [chosenMissing, setChosenMissing] = useState<string[]>([]);
  const [supplementReason, setSupplementReason] = useState("Hồ sơ chưa đầy đủ thành phần theo quy định");
  const [refuseReasons, setRefuseReasons] = useState("");
  // A pre-registration addressed to another unit: the code, to re-address it here with the citizen present.
  const [otherUnit, setOtherUnit] = useState<string | null>(null);
  const [citizenPresent, setCitizenPresent] = useState(false);
  // Received during a pause of a scheme day: keep the same-day track, with a reason (audited).
  const [keepSameDay, setKeepSameDay] = useState(false);
  const [keepReason, setKeepReason] = useState("");
  const [askIdentity, setAskIdentity] = useState(false);
  const [docError, setDocError] = useState("");
  const scanRef = useRef<HTMLInputElement>(null);
  const procedure = procedures.find((p) => p.code === procedureCode);
  const mirror = useMirror();
  const canReceive = officer.role === "counter_officer";

  useEffect(() => {
    api<{ procedures: Procedure[] }>("GET", "/procedures").then((r) => setProcedures(r.procedures), (e: Error) => setMessage(e.message));
  }, []);

  // "Tiếp tục" on a draft in "Đang kê khai" opens it here, once the procedures are known.
  useEffect(() => {
    const code = sessionStorage.getItem(RESUME_KEY);
    if (!code || procedures.length === 0) return;
    sessionStorage.removeItem(RESUME_KEY);
    void onScan(code);
  });

  const body = useCallback(() => ({
    procedureCode: procedureCode!, formData: procedure ? toSubmit(procedure.form, values) : {}, caseFlags: flags,
    documents: Object.entries(documents).map(([id, d]) => ({ id, received: d.received, count: d.count, kind: d.kind })),
    visitId: visit.id, ...(draftId ? { draftId } : {}), ...(preCode && !draftId ? { preRegistrationCode: preCode } : {}),
    ...(keepSameDay && keepReason.trim().length >= 3 ? { keepSameDayReason: keepReason.trim() } : {}),
  }), [procedureCode, procedure, values, flags, documents, visit.id, draftId, preCode, keepSameDay, keepReason]);

  // The live track decision (time, scheme day, cutoff, flags) and the documents still missing.
  useEffect(() => {
    if (!procedureCode) return setDecision(null);
    let alive = true;
    const decide = () => api<Decision>("POST", "/intake/decide", { ...body(), formData: {} }, { background: true }).then((d) => alive && setDecision(d), () => undefined);
    const t = setTimeout(decide, 150);
    const every = setInterval(decide, 30_000);
    return () => {
      alive = false;
      clearTimeout(t);
      clearInterval(every);
    };
  }, [procedureCode, flags, documents, body]);

  // What the citizen sees on the mirror: every filled field, as typed.
  useEffect(() => {
    if (!procedure || result) return;
    mirror.show(procedure.name, procedure.form.fields.map((f) => ({ label: f.label, value: displayValue(f, values[f.id]) })).filter((f) => f.value !== ""));
  }, [procedure, values, result, mirror.show]);

  const choose = (p: Procedure, data: FormValues, identity: VisitIdentity | undefined) => {
    let v = { ...p.defaults, ...toEditable(p.form, data) };
    const fieldIds = p.form.fields.map((f) => f.id);
    if (identity) v = fillFromIdentity(fieldIds, v, identity);
    const docs = defaultDocuments(p);
    if (identity) for (const d of p.requiredDocuments) if (IDENTITY_DOC.test(d.id) && docs[d.id]) docs[d.id]!.received = true;
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

  const reset = (keepVisit: boolean) => {
    setProcedureCode(null);
    setValues({});
    setDocuments({});
    setFlags([]);
    setDraftId(undefined);
    setPreCode(undefined);
    setResult(null);
    setErrors({});
    setMessage("");
    setNotice("");
    setWarnings([]);
    setPanel(null);
    setKeepSameDay(false);
    setKeepReason("");
    if (!keepVisit) setVisit(newVisit());
    setTimeout(() => scanRef.current?.focus(), 0);
  };

  const onScan = async (raw: string) => {
    setMessage("");
    setNotice("");
    setOtherUnit(null);
    setCitizenPresent(false);
    if (raw.includes("|")) {
      const r = parseCccdQr(raw);
      if (!r.ok) return setMessage(r.error);
      const identity: VisitIdentity = {
        fullName: r.value.fullName, idNumber: r.value.idNumber, dateOfBirth: String(isoToDmy(r.value.dateOfBirth)), sex: r.value.sex, address: r.value.address,
        ...(r.value.issueDate ? { issueDate: String(isoToDmy(r.value.issueDate)) } : {}),
      };
      setVisit((v) => ({ ...v, identity }));
      if (procedure) {
        const fieldIds = procedure.form.fields.map((f) => f.id);
        const filled = fillFromIdentity(fieldIds, values, identity);
        setValues(filled);
        setDocuments((docs) => Object.fromEntries(Object.entries(docs).map(([id, d]) => [id, IDENTITY_DOC.test(id) ? { ...d, received: true } : d])));
        setWarnings(identityMismatches(fieldIds, filled, identity));
      }
      return setNotice(`Đã đọc thẻ căn cước: ${identity.fullName}.`);
    }
    try {
      const r = await api<{ kind: string; procedureCode?: string; formData?: FormValues; code?: string; draftId?: string; dossierId?: string; dossierCode?: string;
        documents?: { id: string; received: boolean; count: number; kind: string }[]; caseFlags?: string[]; visitId?: string | null; status?: string }>("POST", "/intake/lookup", { code: raw });
      if (r.kind === "dossier" && r.dossierId) return navigate({ name: "dossier", id: r.dossierId });
      if (r.kind === "closed") return setMessage(`Hồ sơ đăng ký trước này đã ${r.status === "finalised" ? `được tiếp nhận${r.dossierCode ? ` (mã ${r.dossierCode})` : ""}` : "hủy hoặc hết hạn"}.`);
      const p = procedures.find((x) => x.code === r.procedureCode);
      if (!p) return setMessage("Đơn vị không tiếp nhận thủ tục của hồ sơ này hôm nay.");
      setResult(null);
      // Another citizen's code starts a new visit; the same citizen's next procedure keeps the scanned identity.
      const ids = p.form.fields.map((f) => f.id);
      const sameCitizen = visit.identity !== undefined && identityMismatches(ids, toEditable(p.form, r.formData ?? {}), visit.identity).length === 0;
      if (!sameCitizen) setVisit(newVisit());
      choose(p, r.formData ?? {}, sameCitizen ? visit.identity : undefined);
      if (r.kind === "draft") {
        setDraftId(r.draftId);
        setPreCode(undefined);
        if (r.documents) setDocuments(Object.fromEntries(r.documents.map((d) => [d.id, { received: d.received, count: d.count, kind: d.kind }])));
        setFlags(r.caseFlags ?? []);
        setNotice(`Tiếp tục hồ sơ ${r.code}.`);
      } else {
        setDraftId(undefined);
        setPreCode(r.code);
        setNotice(`Hồ sơ đăng ký trước ${r.code}: ${p.name}. Kiểm tra thông tin cùng công dân.`);
      }
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
      if (e instanceof ApiError && e.code === "pre_registration_other_unit" && canReceive) setOtherUnit(raw);
    }
  };

  const readdress = async () => {
    if (!otherUnit) return;
    try {
      await api("POST", "/intake/readdress", { code: otherUnit, citizenPresent: true });
      const code = otherUnit;
      setOtherUnit(null);
      await onScan(code);
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };

  const fail = (e: unknown) => {
    if (!(e instanceof ApiError)) return setMessage(String(e));
    setMessage(e.message);
    const errs: Record<string, string> = {};
    for (const f of e.fields) errs[f.path.replace(/^formData\./, "").split(".")[0]!] = f.message;
    setErrors(errs);
    if (e.fields.length > 0) setWarnings(e.fields.filter((f) => !f.path.startsWith("formData")).map((f) => f.message));
  };

  const saveDraft = async (): Promise<string | undefined> => {
    const r = await api<DraftReply>("POST", "/intake/drafts", body());
    setDraftId(r.draftId);
    return r.draftId;
  };

  const printApplication = async () => {
    setMessage("");
    try {
      const id = await saveDraft();
      setErrors({});
      if (id) setPrinting({ url: formUrl(id, "application"), title: "Tờ khai để công dân kiểm tra và ký", receiveHere: true });
    } catch (e) {
      fail(e);
    }
  };

  /** The identity document is the only box left and the pre-entry holds an ID number: ask, in the same step. */
  const idNumber = procedure?.form.fields.map((f) => (/IdNumber$/.test(f.id) ? values[f.id] : undefined)).find((v): v is string => typeof v === "string" && v.trim() !== "");

  const receive = async (identitySeen = false) => {
    setMessage("");
    setDocError("");
    setAskIdentity(false);
    const missing = (procedure?.requiredDocuments.filter((d) => d.always && !documents[d.id]?.received) ?? [])
      .filter((d) => !(identitySeen && IDENTITY_DOC.test(d.id)));
    if (missing.length > 0 && missing.every((d) => IDENTITY_DOC.test(d.id)) && idNumber) {
      setAskIdentity(true);
      return;
    }
    if (missing.length > 0) {
      setDocError(`Chưa đánh dấu đã nhận: ${missing.map((d) => d.name).join("; ")}. Đánh dấu nếu công dân đã nộp, hoặc lập Mẫu 02 nếu còn thiếu.`);
      const box = document.getElementById(`doc-${missing[0]!.id}`);
      box?.scrollIntoView({ block: "center" });
      box?.focus();
      return;
    }
    try {
      const sent = body();
      if (identitySeen) {
        sent.documents = sent.documents.map((d) => (IDENTITY_DOC.test(d.id) ? { ...d, received: true, count: Math.max(1, d.count) } : d));
        setDocuments((all) => Object.fromEntries(Object.entries(all).map(([id, d]) => [id, IDENTITY_DOC.test(id) ? { ...d, received: true, count: Math.max(1, d.count) } : d])));
      }
      const r = await api<Result>("POST", "/intake/receive", sent);
      setErrors({});
      setResult(r);
      setDraftId(undefined);
      if (r.form === "01") setPrinting({ url: formUrl(r.dossierId, "01"), title: "Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả" });
    } catch (e) {
      fail(e);
    }
  };

  const incomplete = async () => {
    const missing = [...chosenMissing, ...extraMissing.split("\n").map((s) => s.trim()).filter(Boolean)].map((name) => ({ name, original: 1 }));
    try {
      const r = await api<DraftReply>("POST", "/intake/incomplete", { ...body(), missingDocuments: missing, reason: supplementReason });
      setDraftId(r.draftId);
      setPanel(null);
      setNotice(`Đã lập Phiếu yêu cầu bổ sung (mã tham chiếu ${r.code}). Khi công dân quay lại, quét hoặc nhập mã này để tiếp tục.`);
      setPrinting({ url: formUrl(r.draftId, "02"), title: "Mẫu 02 – Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" });
    } catch (e) {
      fail(e);
    }
  };

  const refuse = async () => {
    try {
      const r = await api<{ dossierId: string }>("POST", "/intake/refuse", { ...body(), reasons: refuseReasons.split("\n").map((s) => s.trim()).filter(Boolean) });
      setPanel(null);
      setNotice("Đã lập Phiếu từ chối tiếp nhận.");
      setPrinting({ url: formUrl(r.dossierId, "03"), title: "Mẫu 03 – Phiếu từ chối tiếp nhận giải quyết hồ sơ" });
      setResult(null);
    } catch (e) {
      fail(e);
    }
  };

  // Before an unattended session ends, what was typed is saved as a draft on the server (found again under "Đang kê khai").
  useEffect(() => {
    const onWarning = () => {
      if (!procedure || result || (officer.role !== "counter_officer" && officer.role !== "volunteer")) return;
      api<DraftReply>("POST", "/intake/drafts", body(), { background: true }).then(
        (r) => { setDraftId(r.draftId); setNotice(`Đã lưu nháp hồ sơ (mã tham chiếu ${r.code}).`); },
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
        void printApplication();
      } else if (e.key === "F9" && procedure && canReceive && !result) {
        e.preventDefault();
        void receive();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  // Required documents not yet ticked: what Mẫu 02 lists, and what blocks "Tiếp nhận".
  const missingNow = useMemo(() => procedure?.requiredDocuments.filter((d) => d.always && !documents[d.id]?.received) ?? [], [procedure, documents]);
  const refusalFlags = procedure?.caseFlags.filter((f) => flags.includes(f.id) && f.note.includes("Mẫu 03")) ?? [];

  return (
    <>
      {printing && (
        <PrintPreview url={printing.url} title={printing.title} onClose={() => { setPrinting(null); scanRef.current?.focus(); }}
          {...(printing.receiveHere && canReceive ? { action: { label: "Tiếp nhận (F9)", run: () => { setPrinting(null); void receive(); } } } : {})} />
      )}
      <div className="card scan">
        <form className="row" onSubmit={(e) => { e.preventDefault(); const v = scanRef.current!.value.trim(); scanRef.current!.value = ""; if (v) void onScan(v); }}>
          <label htmlFor="scan" style={{ fontWeight: 600 }}>Quét mã</label>
          <input id="scan" ref={scanRef} autoFocus autoComplete="off" style={{ flex: 1 }} placeholder="Mã đăng ký trước, mã phiếu bổ sung hoặc QR thẻ căn cước, rồi Enter" />
        </form>
        {visit.identity && (
          <p className="identity" data-testid="visit-identity">Công dân trong lượt: <b>{visit.identity.fullName}</b> · {visit.identity.idNumber} · dùng lại cho mọi thủ tục của lượt này</p>
        )}
        {notice && <p className="ok" role="status">{notice}</p>}
        <AddressOffer printed={visit.identity?.address} onAccept={(current, printed) => {
          setVisit((v) => (v.identity ? { ...v, identity: { ...v.identity, address: current } } : v));
          setValues((vals) => withCurrentAddress(vals, printed, current));
        }} />
        {message && <p className="error" role="alert">{message}</p>}
        {otherUnit && (
          <div className="row" data-testid="readdress">
            <label className="row" style={{ flexWrap: "nowrap" }}>
              <input type="checkbox" style={{ width: "auto" }} checked={citizenPresent} onChange={(e) => setCitizenPresent(e.target.checked)} />
              Công dân đang có mặt tại quầy và đề nghị nộp hồ sơ tại đơn vị này
            </label>
            <button className="primary" disabled={!citizenPresent} onClick={() => void readdress()}>Chuyển về đơn vị tôi</button>
          </div>
        )}
        {warnings.map((w) => <p key={w} className="error">{w}</p>)}
        <div className="row">
          <span className="muted">Khách vãng lai, chọn thủ tục:</span>
          {procedures.map((p) => (
            <button key={p.code} className={p.code === procedureCode ? "primary" : ""} onClick={() => { reset(true); choose(p, {}, visit.identity); }}>{p.code} {p.name}</button>
          ))}
        </div>
        <MirrorControl mirror={mirror} />
      </div>

      {result && (
        <div className="card" data-testid="receive-result">
          <h2>Đã tiếp nhận: <span data-testid="result-code">{result.code}</span></h2>
          <p><span className={`badge ${result.track}`}>{TRACK_LABEL[result.track]}</span> Hẹn trả: <b data-testid="result-due">{dmy(result.dueDate)}</b>{result.checkedByCitizen ? " · công dân đã kiểm tra trên màn hình đối chiếu" : ""}</p>
          <div className="row">
            <button onClick={() => setPrinting({ url: formUrl(result.dossierId, "01"), title: "Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả" })}>{result.form ? "In lại Mẫu 01" : "In Mẫu 01 (khi công dân yêu cầu)"}</button>
            <button onClick={() => navigate({ name: "dossier", id: result.dossierId })}>Mở hồ sơ</button>
            <button className="primary" onClick={() => reset(true)}>Thủ tục khác cho cùng công dân</button>
            <button onClick={() => reset(false)}>Công dân tiếp theo</button>
          </div>
        </div>
      )}

      {procedure && !result && (
        <div className="grid2">
          <div className="card">
            <h2>{procedure.name} <span className="muted">({procedure.code})</span></h2>
            <p className="muted">{procedure.form.title} · {procedure.form.legalSource}</p>
            <FormFields form={procedure.form} values={values} errors={errors} onChange={(id, v) => setValues((x) => ({ ...x, [id]: v }))} />
          </div>
          <div>
            {decision && (
              <div className={`track ${decision.track}`} data-testid="track-decision">
                <b>{TRACK_LABEL[decision.track]}</b> · hẹn trả {dmy(decision.dueDate)}
                <ul>{decision.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
              </div>
            )}
            {decision?.pause && canReceive && (decision.causes.length === 1 && decision.causes[0] === "outside_office_hours" || decision.keptSameDay) && (
              <div className="card" data-testid="pause-keep">
                <p className="warn" role="status">{decision.pause.sentence}.</p>
                <label className="row" style={{ flexWrap: "nowrap" }}>
                  <input type="checkbox" style={{ width: "auto" }} checked={keepSameDay} onChange={(e) => setKeepSameDay(e.target.checked)} />
                  Vẫn tiếp nhận trong giờ nghỉ và giữ trả kết quả trong ngày
                </label>
                {keepSameDay && (
                  <div className="field">
                    <label htmlFor="keep-reason">Lý do (được ghi nhật ký)</label>
                    <input id="keep-reason" value={keepReason} onChange={(e) => setKeepReason(e.target.value)} placeholder="Ví dụ: công dân đến từ xa, cán bộ trực trưa" />
                  </div>
                )}
              </div>
            )}
            <div className="card" style={{ marginTop: 14 }}>
              <h2>Thành phần hồ sơ</h2>
              {docError && <p className="error" role="alert">{docError}</p>}
              {procedure.requiredDocuments.map((d) => {
                const st = documents[d.id] ?? { received: false, count: d.count, kind: d.kind };
                const set = (x: Partial<DocState>) => setDocuments((all) => ({ ...all, [d.id]: { ...st, ...x } }));
                return (
                  <div className="doc-row" key={d.id}>
                    <input id={`doc-${d.id}`} type="checkbox" aria-label={`Đã nhận: ${d.name}`} checked={st.received} onChange={(e) => set({ received: e.target.checked })} style={{ width: "auto" }} />
                    <span>{d.name}{d.always ? "" : <span className="muted"> (khi: {d.condition})</span>}</span>
                    <select aria-label={`Loại bản: ${d.name}`} value={st.kind} onChange={(e) => set({ kind: e.target.value })}>
                      {Object.entries(documentKindLabels).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
                    </select>
                    <input aria-label={`Số lượng: ${d.name}`} type="number" min={0} max={99} value={st.count} onChange={(e) => set({ count: Number(e.target.value) })} />
                  </div>
                );
              })}
            </div>
            {procedure.caseFlags.length > 0 && (
              <div className="card">
                <h2>Tình huống đặc biệt</h2>
                {procedure.caseFlags.map((f) => (
                  <label key={f.id} className="row" style={{ alignItems: "flex-start", marginBottom: 4, flexWrap: "nowrap" }}>
                    <input type="checkbox" style={{ width: "auto" }} checked={flags.includes(f.id)} onChange={(e) => setFlags((x) => (e.target.checked ? [...x, f.id] : x.filter((y) => y !== f.id)))} />
                    <span>{f.label}<br /><span className="muted">{f.note}</span></span>
                  </label>
                ))}
              </div>
            )}
            {panel === "incomplete" && (
              <div className="card">
                <h2>Phiếu yêu cầu bổ sung (Mẫu 02)</h2>
                <p className="muted">Ghi một lần đầy đủ mọi thành phần còn thiếu.</p>
                {procedure.requiredDocuments.filter((d) => !documents[d.id]?.received).map((d) => (
                  <label key={d.id} className="row" style={{ flexWrap: "nowrap" }}><input type="checkbox" style={{ width: "auto" }} checked={chosenMissing.includes(d.name)} onChange={(e) => setChosenMissing((x) => (e.target.checked ? [...x, d.name] : x.filter((y) => y !== d.name)))} />{d.name}</label>
                ))}
                <div className="field"><label htmlFor="extra-missing">Nội dung khác cần bổ sung (mỗi dòng một mục)</label><textarea id="extra-missing" value={extraMissing} onChange={(e) => setExtraMissing(e.target.value)} /></div>
                <div className="field"><label htmlFor="supplement-reason">Lý do</label><input id="supplement-reason" value={supplementReason} onChange={(e) => setSupplementReason(e.target.value)} /></div>
                <button className="primary" onClick={() => void incomplete()}>Lập và in Mẫu 02</button>
              </div>
            )}
            {panel === "refuse" && (
              <div className="card">
                <h2>Phiếu từ chối tiếp nhận (Mẫu 03)</h2>
                <div className="field"><label htmlFor="refuse-reasons">Lý do (mỗi dòng một lý do)</label><textarea id="refuse-reasons" rows={3} value={refuseReasons} onChange={(e) => setRefuseReasons(e.target.value)} /></div>
                <button className="primary" onClick={() => void refuse()}>Lập và in Mẫu 03</button>
              </div>
            )}
          </div>
        </div>
      )}

      {askIdentity && procedure && !result && (
        <div className="card identity-check" role="alertdialog" aria-labelledby="identity-check-title" data-testid="identity-check">
          <h2 id="identity-check-title">Đã xem bản chính CCCD?</h2>
          <p>Bản khai trước ghi số giấy tờ tùy thân <b>{idNumber}</b>. Đối chiếu với bản chính thẻ căn cước của công dân rồi tiếp nhận.</p>
          <div className="row">
            <button className="primary" autoFocus onClick={() => void receive(true)}>Đã xem bản chính, tiếp nhận</button>
            <button onClick={() => { setAskIdentity(false); const doc = procedure.requiredDocuments.find((d) => IDENTITY_DOC.test(d.id)); const box = doc && document.getElementById(`doc-${doc.id}`); box?.scrollIntoView({ block: "center" }); box?.focus(); }}>Chưa xem</button>
          </div>
        </div>
      )}

      {procedure && !result && (
        <div className="sticky-actions">
          <button className="primary" onClick={() => void printApplication()}>In tờ khai (F2)</button>
          {canReceive && <button className="primary" onClick={() => void receive()}>Tiếp nhận (F9)</button>}
          {canReceive && (
            <button onClick={() => { setChosenMissing(missingNow.map((m) => m.name)); setPanel(panel === "incomplete" ? null : "incomplete"); }}>Thiếu giấy tờ – Mẫu 02</button>
          )}
          {canReceive && (
            <button className="danger" onClick={() => { setRefuseReasons(refusalFlags.map((f) => f.label).join("\n")); setPanel(panel === "refuse" ? null : "refuse"); }}>Từ chối – Mẫu 03</button>
          )}
          {!canReceive && <button onClick={() => void saveDraft().then(() => setNotice("Đã lưu, cán bộ Một cửa sẽ tiếp nhận."), fail)}>Lưu để cán bộ tiếp nhận</button>}
          {draftId && <span className="muted">Đã lưu nháp</span>}
        </div>
      )}
    </>
  );
}

function MirrorControl({ mirror }: { mirror: ReturnType<typeof useMirror> }) {
  if (!mirror.code) {
    return <div className="row" style={{ marginTop: 8 }}><button onClick={() => void mirror.pair(true)}>Mở màn hình công dân</button><span className="muted">Công dân xem từng thông tin khi cán bộ nhập.</span></div>;
  }
  const joinedAt = mirror.screen ? new Date(mirror.screen.joinedAt).toLocaleTimeString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit" }) : "";
  return (
    <p className="row" style={{ marginTop: 8 }} data-testid="mirror-status">
      Màn hình công dân: mã <b data-testid="mirror-code">{mirror.code}</b> ·{" "}
      {!mirror.joined ? <span className="muted">chờ kết nối (mở /console/mirror và nhập mã; mã hết hạn sau 10 phút)</span> : mirror.confirmed ? <span className="ok">Công dân đã xác nhận thông tin</span> : <span className="muted">đã kết nối, chờ công dân xác nhận</span>}
      {mirror.screen && <span data-testid="mirror-screen"> · kết nối lúc {joinedAt}, {mirror.screen.browser}</span>}
      <button onClick={() => void mirror.revoke()} title="Ngắt màn hình đang kết nối (không phải màn hình tại quầy, hoặc công dân đã rời quầy)">Ngắt màn hình</button>
    </p>
  );
}
