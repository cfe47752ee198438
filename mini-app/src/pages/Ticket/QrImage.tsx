/**
 * The ticket's QR for the counter scanner: the server's SVG kept on the device, drawn as an image (an SVG
 * in <img> runs no script). Without it, the QR is drawn here from the payload (qrcode, loaded on demand).
 */
import { useEffect, useState } from "react";

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function QrImage({ svg, payload }: { svg?: string; payload: string }) {
  const [local, setLocal] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (svg) return;
    let live = true;
    void import("qrcode")
      .then((qr) => qr.toString(payload, { type: "svg", errorCorrectionLevel: "M", margin: 2 }))
      .then((s) => live && setLocal(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [svg, payload]);
  const source = svg ?? local;
  if (!source) return <div className="kh-qr kh-qr-empty" aria-hidden="true" />;
  return (
    <img className="kh-qr" src={svgDataUri(source)} alt={`Mã QR của phiếu: ${payload}`} width={220} height={220} />
  );
}
