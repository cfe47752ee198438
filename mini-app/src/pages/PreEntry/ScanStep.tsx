/**
 * "Quét CCCD": scan the chip-ID QR through the host, parse it, show what was read for confirmation.
 * The raw text lives only inside `scan()`; a QR that is not a CCCD gets the parser's Vietnamese message.
 */
import { useEffect, useState } from "react";
import type { CurrentAddressAnswer } from "../../api/types.js";
import { Button } from "zmp-ui";
import type { CccdQrValue } from "../../../../shared/cccd/parse-cccd-qr.js";
import { Icon } from "../../components/icons.js";
import { Notice } from "../../components/Notice.js";
import { useDeps } from "../../deps.js";
import { readScan, scanSummary } from "../../form/cccd-fill.js";

export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function ScanStep({ onConfirm, onManual }: { onConfirm: (value: CccdQrValue) => void; onManual: () => void }) {
  const { zalo, api } = useDeps();
  const [read, setRead] = useState<CccdQrValue | null>(null);
  /** The printed address read in today's units, offered; the citizen chooses (never changed silently). */
  const [offer, setOffer] = useState<NonNullable<CurrentAddressAnswer["offer"]> | null>(null);
  const [useCurrent, setUseCurrent] = useState(false);
  useEffect(() => {
    setOffer(null);
    setUseCurrent(false);
    if (!read?.address) return;
    let live = true;
    void api.currentAddress(read.address).then((r) => {
      if (live && r.ok) setOffer(r.value.offer);
    });
    return () => {
      live = false;
    };
  }, [api, read]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const scan = async () => {
    setBusy(true);
    setError(null);
    const r = await zalo.scanQRCode();
    setBusy(false);
    if (!r.ok) {
      if (r.error.code === "cancelled") return;
      return setError(
        r.error.code === "denied"
          ? "Ứng dụng chưa được phép dùng máy ảnh. Bạn có thể cho phép rồi quét lại."
          : "Chưa quét được mã. Vui lòng thử lại.",
      );
    }
    const reading = readScan(r.value, todayInVietnam());
    if (reading.ok) setRead(reading.value);
    else setError(reading.error);
  };

  if (read) {
    return (
      <div className="kh-stack" data-step="scan-confirm">
        <h1 className="kh-question">Thông tin đọc được từ thẻ căn cước</h1>
        <p className="kh-lead">Kiểm tra lại. Nếu đúng, các thông tin này được điền vào tờ khai.</p>
        <dl className="kh-summary">
          {scanSummary(read).map((row) => (
            <div key={row.label} className="kh-summary-row">
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
        {offer ? (
          <div
            className="kh-card kh-stack"
            role="radiogroup"
            aria-labelledby="address-offer-title"
            data-testid="address-offer"
          >
            <h2 className="kh-h2" id="address-offer-title">
              Nơi thường trú theo đơn vị hành chính hiện nay
            </h2>
            <p>
              Thẻ ghi theo đơn vị cũ ({offer.formerUnit.fullName}). Từ 01/07/2025 nơi này thuộc{" "}
              {offer.currentUnit.fullName}.
            </p>
            <label className={`kh-choice${useCurrent ? " kh-choice-on" : ""}`}>
              <input type="radio" name="address-choice" checked={useCurrent} onChange={() => setUseCurrent(true)} />
              <span>Dùng địa chỉ mới: {offer.current}</span>
            </label>
            <label className={`kh-choice${useCurrent ? "" : " kh-choice-on"}`}>
              <input type="radio" name="address-choice" checked={!useCurrent} onChange={() => setUseCurrent(false)} />
              <span>Giữ như trên thẻ: {offer.printed}</span>
            </label>
          </div>
        ) : null}
        <Button
          fullWidth
          className="kh-btn-lg"
          onClick={() => onConfirm(offer && useCurrent ? { ...read, address: offer.current } : read)}
        >
          Đúng, dùng thông tin này
        </Button>
        <Button fullWidth variant="secondary" className="kh-btn-lg" onClick={() => setRead(null)}>
          Quét lại
        </Button>
        <Button fullWidth variant="tertiary" className="kh-btn-lg" onClick={onManual}>
          Không đúng, tôi tự nhập
        </Button>
      </div>
    );
  }

  return (
    <div className="kh-stack" data-step="scan">
      <h1 className="kh-question">Điền nhanh bằng thẻ căn cước</h1>
      <p className="kh-lead">
        Quét mã QR ở mặt trước thẻ căn cước (CCCD) để điền họ tên, ngày sinh, số định danh và nơi thường trú. Ứng dụng
        không lưu nội dung mã QR.
      </p>
      {error ? (
        <Notice tone="error" title={error}>
          Hoặc bấm “Tôi tự nhập” để điền bằng tay.
        </Notice>
      ) : null}
      <Button fullWidth className="kh-btn-lg" loading={busy} prefixIcon={<Icon name="scan" />} onClick={scan}>
        Quét CCCD
      </Button>
      <Button fullWidth variant="tertiary" className="kh-btn-lg" onClick={onManual}>
        Tôi tự nhập
      </Button>
    </div>
  );
}
