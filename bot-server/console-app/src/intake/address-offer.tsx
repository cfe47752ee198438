/**
 * The address printed on a scanned CCCD, offered in today's units (POST /api/units/current-address, through the units'
 * succession table): "…Huyện Đắk Glong, Tỉnh Đắk Nông" → "…xã Quảng Khê, tỉnh Lâm Đồng". The officer accepts it with
 * the citizen, or keeps the card's wording; nothing changes by itself.
 */
import { useEffect, useState } from "react";

interface Offer {
  printed: string;
  current: string;
  formerUnit: { fullName: string };
  currentUnit: { fullName: string };
}

/** Form values holding the printed address take the current one (other fields are left alone). */
export function withCurrentAddress<T extends Record<string, unknown>>(values: T, printed: string, current: string): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === printed ? current : v])) as T;
}

export function AddressOffer({
  printed,
  onAccept,
}: {
  printed: string | undefined;
  onAccept: (current: string, printed: string) => void;
}) {
  const [offer, setOffer] = useState<Offer | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  useEffect(() => {
    setOffer(null);
    setDecided(null);
    if (!printed) return;
    let live = true;
    void fetch("/api/units/current-address", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ address: printed }),
    })
      .then((r) => (r.ok ? (r.json() as Promise<{ offer: Offer | null }>) : { offer: null }))
      .then((b) => live && setOffer(b.offer))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [printed]);
  if (!offer || decided === printed) return null;
  return (
    <div
      className="row"
      data-testid="address-offer"
      role="group"
      aria-labelledby="address-offer-text"
      style={{ marginBottom: 8 }}
    >
      <p id="address-offer-text" style={{ flexBasis: "100%", margin: 0 }}>
        Nơi thường trú trên thẻ ghi theo đơn vị cũ ({offer.formerUnit.fullName}); từ 01/07/2025 thuộc{" "}
        {offer.currentUnit.fullName}. Hỏi công dân rồi chọn:
      </p>
      <button
        type="button"
        className="primary"
        onClick={() => {
          onAccept(offer.current, offer.printed);
          setDecided(printed ?? null);
        }}
      >
        Dùng địa chỉ mới: {offer.current}
      </button>
      <button type="button" onClick={() => setDecided(printed ?? null)}>
        Giữ như trên thẻ
      </button>
    </div>
  );
}
