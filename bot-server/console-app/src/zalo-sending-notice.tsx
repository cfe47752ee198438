/** Says plainly, on the unit admin's and leader's pages, when citizens are not being notified because Zalo is not connected. */
import { useEffect, useState } from "react";
import { api } from "./api.js";
import type { SendingReply as Sending } from "../../../shared/console/notifications.js";

export function ZaloSendingNotice({ showConfigure }: { showConfigure: boolean }) {
  const [s, setS] = useState<Sending | null>(null);
  useEffect(() => {
    api<Sending>("GET", "/notifications/sending").then(setS, () => setS(null));
  }, []);
  if (!s || s.connected) return null;
  return (
    <div className="alert" role="alert" data-testid="zalo-not-connected">
      <b>{s.title}</b>
      <p style={{ margin: "4px 0" }}>{s.detail}</p>
      {showConfigure && <p style={{ margin: 0 }}>Cần cấu hình trên máy chủ: {s.configure.join(" ")}.</p>}
    </div>
  );
}
