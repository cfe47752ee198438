/**
 * What the officer does at the counter, against the console API: scan (pre-registration code, draft or Mẫu 02
 * reference, CCCD QR), re-address another unit's pre-registration, save a draft, print the application form,
 * receive (asking for the CCCD original when only the identity document is unticked), Mẫu 02, Mẫu 03.
 */
import { useState, type RefObject } from "react";
import { parseCccdQr } from "../../../../shared/cccd/parse-cccd-qr.js";
import { identityMismatches, type VisitIdentity } from "./applicant.js";
import { api, ApiError, formUrl } from "../api.js";
import { navigate } from "../router.js";
import { isoToDmy, toEditable } from "./form-fields.js";
import { focusDocument, IDENTITY_DOC, newVisit, type Lookup, type Printing, type Result } from "./intake-types.js";
import type { IntakeForm } from "./use-intake-form.js";
import type { SupplementPanels } from "./use-supplement-panels.js";
import type { DraftReply } from "../../../../shared/console/intake.js";

export interface IntakeMessages {
  message: string;
  setMessage: (m: string) => void;
  notice: string;
  setNotice: (m: string) => void;
}

export function useIntakeMessages(): IntakeMessages {
  const [message, setMessage] = useState("");
  const [notice, setNotice] = useState("");
  return { message, setMessage, notice, setNotice };
}

export function useIntakeActions(
  form: IntakeForm,
  panels: SupplementPanels,
  say: IntakeMessages,
  canReceive: boolean,
  scanRef: RefObject<HTMLInputElement>,
) {
  const [result, setResult] = useState<Result | null>(null);
  const [printing, setPrinting] = useState<Printing | null>(null);
  // A pre-registration addressed to another unit: the code, to re-address it here with the citizen present.
  const [otherUnit, setOtherUnit] = useState<string | null>(null);
  const [citizenPresent, setCitizenPresent] = useState(false);
  const [askIdentity, setAskIdentity] = useState(false);
  const { procedure, procedures, documents, visit } = form;
  const { setMessage, setNotice } = say;

  const reset = (keepVisit: boolean) => {
    form.clear(keepVisit);
    setResult(null);
    setMessage("");
    setNotice("");
    panels.close();
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
        fullName: r.value.fullName,
        idNumber: r.value.idNumber,
        dateOfBirth: String(isoToDmy(r.value.dateOfBirth)),
        sex: r.value.sex,
        address: r.value.address,
        ...(r.value.issueDate ? { issueDate: String(isoToDmy(r.value.issueDate)) } : {}),
      };
      form.takeIdentity(identity);
      return setNotice(`Đã đọc thẻ căn cước: ${identity.fullName}.`);
    }
    try {
      const r = await api<Lookup>("POST", "/intake/lookup", { code: raw });
      if (r.kind === "dossier" && r.dossierId) return navigate({ name: "dossier", id: r.dossierId });
      if (r.kind === "closed")
        return setMessage(
          `Hồ sơ đăng ký trước này đã ${r.status === "finalised" ? `được tiếp nhận${r.dossierCode ? ` (mã ${r.dossierCode})` : ""}` : "hủy hoặc hết hạn"}.`,
        );
      const today = procedures.length > 0 ? procedures : await form.proceduresLoaded();
      const p = today.find((x) => x.code === r.procedureCode);
      if (!p) return setMessage("Đơn vị không tiếp nhận thủ tục của hồ sơ này hôm nay.");
      setResult(null);
      // Another citizen's code starts a new visit; the same citizen's next procedure keeps the scanned identity.
      const ids = p.form.fields.map((f) => f.id);
      const sameCitizen =
        visit.identity !== undefined &&
        identityMismatches(ids, toEditable(p.form, r.formData ?? {}), visit.identity).length === 0;
      if (!sameCitizen) form.setVisit(newVisit());
      form.choose(p, r.formData ?? {}, sameCitizen ? visit.identity : undefined);
      if (r.kind === "draft") {
        form.setDraftId(r.draftId);
        form.setPreCode(undefined);
        if (r.documents)
          form.setDocuments(
            Object.fromEntries(r.documents.map((d) => [d.id, { received: d.received, count: d.count, kind: d.kind }])),
          );
        form.setFlags(r.caseFlags ?? []);
        setNotice(`Tiếp tục hồ sơ ${r.code}.`);
      } else {
        form.setDraftId(undefined);
        form.setPreCode(r.code);
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
    form.setErrors(errs);
    if (e.fields.length > 0)
      form.setWarnings(e.fields.filter((f) => !f.path.startsWith("formData")).map((f) => f.message));
  };

  const saveDraft = async (): Promise<string | undefined> => {
    const r = await api<DraftReply>("POST", "/intake/drafts", form.body());
    form.setDraftId(r.draftId);
    return r.draftId;
  };

  const printApplication = async () => {
    setMessage("");
    try {
      const id = await saveDraft();
      form.setErrors({});
      if (id)
        setPrinting({
          url: formUrl(id, "application"),
          title: "Tờ khai để công dân kiểm tra và ký",
          receiveHere: true,
        });
    } catch (e) {
      fail(e);
    }
  };

  const receive = async (identitySeen = false) => {
    setMessage("");
    form.setDocError("");
    setAskIdentity(false);
    const missing = (procedure?.requiredDocuments.filter((d) => d.always && !documents[d.id]?.received) ?? []).filter(
      (d) => !(identitySeen && IDENTITY_DOC.test(d.id)),
    );
    if (missing.length > 0 && missing.every((d) => IDENTITY_DOC.test(d.id)) && form.idNumber) {
      setAskIdentity(true);
      return;
    }
    if (missing.length > 0) {
      form.setDocError(
        `Chưa đánh dấu đã nhận: ${missing.map((d) => d.name).join("; ")}. Đánh dấu nếu công dân đã nộp, hoặc lập Mẫu 02 nếu còn thiếu.`,
      );
      focusDocument(missing[0]!.id);
      return;
    }
    try {
      const sent = form.body();
      if (identitySeen) {
        sent.documents = sent.documents.map((d) =>
          IDENTITY_DOC.test(d.id) ? { ...d, received: true, count: Math.max(1, d.count) } : d,
        );
        form.setDocuments((all) =>
          Object.fromEntries(
            Object.entries(all).map(([id, d]) => [
              id,
              IDENTITY_DOC.test(id) ? { ...d, received: true, count: Math.max(1, d.count) } : d,
            ]),
          ),
        );
      }
      const r = await api<Result>("POST", "/intake/receive", sent);
      form.setErrors({});
      setResult(r);
      form.setDraftId(undefined);
      if (r.form === "01")
        setPrinting({ url: formUrl(r.dossierId, "01"), title: "Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả" });
    } catch (e) {
      fail(e);
    }
  };

  const incomplete = async () => {
    try {
      const r = await api<DraftReply>("POST", "/intake/incomplete", {
        ...form.body(),
        missingDocuments: panels.missingDocuments(),
        reason: panels.supplementReason,
      });
      form.setDraftId(r.draftId);
      panels.close();
      setNotice(
        `Đã lập Phiếu yêu cầu bổ sung (mã tham chiếu ${r.code}). Khi công dân quay lại, quét hoặc nhập mã này để tiếp tục.`,
      );
      setPrinting({ url: formUrl(r.draftId, "02"), title: "Mẫu 02 – Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" });
    } catch (e) {
      fail(e);
    }
  };

  const refuse = async () => {
    try {
      const r = await api<{ dossierId: string }>("POST", "/intake/refuse", {
        ...form.body(),
        reasons: panels.refusalReasons(),
      });
      panels.close();
      setNotice("Đã lập Phiếu từ chối tiếp nhận.");
      setPrinting({ url: formUrl(r.dossierId, "03"), title: "Mẫu 03 – Phiếu từ chối tiếp nhận giải quyết hồ sơ" });
      setResult(null);
    } catch (e) {
      fail(e);
    }
  };

  return {
    result,
    printing,
    setPrinting,
    otherUnit,
    citizenPresent,
    setCitizenPresent,
    askIdentity,
    setAskIdentity,
    reset,
    onScan,
    readdress,
    fail,
    saveDraft,
    printApplication,
    receive,
    incomplete,
    refuse,
  };
}

export type IntakeActions = ReturnType<typeof useIntakeActions>;
