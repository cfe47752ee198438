/** The printed form in a sheet over the page: the browser's PDF viewer, "In" prints it, the file link keeps a copy. */
import { useEffect, useRef } from "react";

export function PrintPreview({
  url,
  title,
  onClose,
  action,
}: {
  url: string;
  title: string;
  onClose: () => void;
  action?: { label: string; run: () => void };
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
      else if (e.key === "F9" && action) {
        e.preventDefault();
        action.run();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose, action]);
  const print = () => {
    try {
      frame.current?.contentWindow?.print();
    } catch {
      window.open(url, "_blank");
    }
  };
  // Under automation (tests) there is no printer dialog to open.
  const onLoad = () => {
    if (!navigator.webdriver) print();
  };
  return (
    <div className="overlay" role="dialog" aria-label={title}>
      <div className="sheet">
        <header>
          <strong>{title}</strong>
          <button className="primary" onClick={print}>
            In
          </button>
          {action && (
            <button className="primary" onClick={action.run}>
              {action.label}
            </button>
          )}
          <a href={url} target="_blank" rel="noreferrer">
            Mở tệp PDF
          </a>
          <button style={{ marginLeft: "auto" }} onClick={onClose}>
            Đóng (Esc)
          </button>
        </header>
        <iframe ref={frame} title={title} src={url} onLoad={onLoad} data-testid="print-frame" />
      </div>
    </div>
  );
}
