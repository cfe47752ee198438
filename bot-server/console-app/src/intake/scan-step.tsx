/** Step 1: scan a code or the CCCD QR (a USB scanner types the payload and Enter), or pick a procedure for a walk-in. */
import type { RefObject } from "react";
import { AddressOffer, withCurrentAddress } from "./address-offer.js";
import { MirrorControl } from "./mirror-control.js";
import { SyntheticCitizenButton } from "../training.js";
import type { IntakeActions, IntakeMessages } from "./use-intake-actions.js";
import type { IntakeForm } from "./use-intake-form.js";
import type { useMirror } from "./use-mirror.js";

interface Props {
  form: IntakeForm;
  actions: IntakeActions;
  say: IntakeMessages;
  scanRef: RefObject<HTMLInputElement>;
  mirror: ReturnType<typeof useMirror>;
}

export function ScanStep({ form, actions, say, scanRef, mirror }: Props) {
  const { visit, warnings, procedures, procedureCode } = form;
  const { otherUnit, citizenPresent } = actions;
  return (
    <div className="card scan">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const v = scanRef.current!.value.trim();
          scanRef.current!.value = "";
          if (v) void actions.onScan(v);
        }}
      >
        <label htmlFor="scan" style={{ fontWeight: 600 }}>
          Quét mã
        </label>
        <input
          id="scan"
          ref={scanRef}
          autoFocus
          autoComplete="off"
          style={{ flex: 1 }}
          placeholder="Mã đăng ký trước, mã phiếu bổ sung hoặc QR thẻ căn cước, rồi Enter"
        />
        <SyntheticCitizenButton
          onIdentity={(identity) => {
            form.takeIdentity(identity);
            say.setNotice(`Công dân giả lập: ${identity.fullName}.`);
          }}
        />
      </form>
      {visit.identity && (
        <p className="identity" data-testid="visit-identity">
          Công dân trong lượt: <b>{visit.identity.fullName}</b> · {visit.identity.idNumber} · dùng lại cho mọi thủ tục
          của lượt này
        </p>
      )}
      {say.notice && (
        <p className="ok" role="status">
          {say.notice}
        </p>
      )}
      <AddressOffer
        printed={visit.identity?.address}
        onAccept={(current, printed) => {
          form.setVisit((v) => (v.identity ? { ...v, identity: { ...v.identity, address: current } } : v));
          form.setValues((vals) => withCurrentAddress(vals, printed, current));
        }}
      />
      {say.message && (
        <p className="error" role="alert">
          {say.message}
        </p>
      )}
      {otherUnit && (
        <div className="row" data-testid="readdress">
          <label className="row" style={{ flexWrap: "nowrap" }}>
            <input
              type="checkbox"
              style={{ width: "auto" }}
              checked={citizenPresent}
              onChange={(e) => actions.setCitizenPresent(e.target.checked)}
            />
            Công dân đang có mặt tại quầy và đề nghị nộp hồ sơ tại đơn vị này
          </label>
          <button className="primary" disabled={!citizenPresent} onClick={() => void actions.readdress()}>
            Chuyển về đơn vị tôi
          </button>
        </div>
      )}
      {warnings.map((w) => (
        <p key={w} className="error">
          {w}
        </p>
      ))}
      <div className="row">
        <span className="muted">Khách vãng lai, chọn thủ tục:</span>
        {procedures.map((p) => (
          <button
            key={p.code}
            className={p.code === procedureCode ? "primary" : ""}
            onClick={() => {
              actions.reset(true);
              form.choose(p, {}, visit.identity);
            }}
          >
            {p.code} {p.name}
          </button>
        ))}
      </div>
      <MirrorControl mirror={mirror} />
    </div>
  );
}
