/** Inline banners: information, success, warning and errors in plain Vietnamese (role=alert for errors). */
import type { ReactNode } from "react";
import { Icon, type IconName } from "./icons.js";

type Tone = "info" | "success" | "warning" | "error";
const ICONS: Record<Tone, IconName> = { info: "info", success: "checkCircle", warning: "warning", error: "warning" };

export function Notice({ tone = "info", title, children }: { tone?: Tone; title?: string; children?: ReactNode }) {
  return (
    <div className={`kh-notice kh-notice-${tone}`} role={tone === "error" ? "alert" : "status"}>
      <Icon name={ICONS[tone]} className="kh-notice-icon" />
      <div className="kh-notice-text">
        {title ? <strong>{title}</strong> : null}
        {children ? <div>{children}</div> : null}
      </div>
    </div>
  );
}
