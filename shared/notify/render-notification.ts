/** Fills a message template from the dossier's facts: the text a citizen reads, identical on every channel. */
import type { IsoDate } from "../model.js";
import { formatDateVn } from "../time/vn-time.js";
import { DEFAULT_HOURS_VI, MESSAGE_TEMPLATES_VI, ZNS_PARAMS, type MessageTemplate } from "./message-templates.js";
import type { NotifyKind } from "./notification-kinds.js";

export interface NotificationFacts {
  kind: NotifyKind;
  track?: "same-day" | "normal";
  dossierCode?: string;
  procedureName?: string;
  /** Vietnamese state label ("Đã có kết quả"). */
  stateLabel?: string;
  dueDate?: IsoDate;
  newDueDate?: IsoDate;
  /** "xã Quảng Khê" */
  unitName?: string;
  officeHours?: readonly { start: string; end: string }[];
  missingDocuments?: readonly string[];
  pendingCount?: number;
  dossierCodes?: readonly string[];
  approveBy?: string;
  /** Mini-app page of the dossier (button target). */
  link?: string;
}

export interface RenderedNotification {
  /** OA CS text and mini-app description. */
  text: string;
  title: string;
  buttonText: string;
  /** ZNS template_data, each value cut to its documented length. */
  znsParams: Record<string, string>;
}

const CS_MAX_CHARS = 2000; // docs/zalo.md#customer-service-message

export function pickTemplate(
  kind: NotifyKind,
  track: NotificationFacts["track"],
  templates = MESSAGE_TEMPLATES_VI,
): MessageTemplate {
  const rows = templates.filter((t) => t.kind === kind);
  const row = rows.find((t) => t.track !== undefined && t.track === track) ?? rows.find((t) => t.track === undefined);
  if (!row) throw new Error(`no message template for ${kind}`);
  return row;
}

export function formatOfficeHours(hours: NotificationFacts["officeHours"]): string {
  if (!hours || hours.length === 0) return DEFAULT_HOURS_VI;
  return `giờ làm việc ${hours.map((h) => `${h.start}–${h.end}`).join(", ")}`;
}

export function renderNotification(facts: NotificationFacts, templates = MESSAGE_TEMPLATES_VI): RenderedNotification {
  const template = pickTemplate(facts.kind, facts.track, templates);
  const place = facts.unitName ? `Bộ phận Một cửa UBND ${facts.unitName}` : "Bộ phận Một cửa";
  const procedure = facts.procedureName ?? "thủ tục hành chính";
  const ref = facts.dossierCode ? `${facts.dossierCode} (${procedure})` : `“${procedure}”`;
  const values: Record<string, string> = {
    ref,
    place,
    hours: formatOfficeHours(facts.officeHours),
    dueDate: facts.dueDate ? formatDateVn(facts.dueDate) : "đã hẹn",
    newDueDate: facts.newDueDate
      ? formatDateVn(facts.newDueDate)
      : facts.dueDate
        ? formatDateVn(facts.dueDate)
        : "sẽ báo sau",
    missing:
      facts.missingDocuments && facts.missingDocuments.length > 0
        ? facts.missingDocuments.join("; ")
        : "xem Phiếu yêu cầu bổ sung (Mẫu 02)",
    unit: facts.unitName ?? "đơn vị",
    count: String(facts.pendingCount ?? facts.dossierCodes?.length ?? 0),
    codes: (facts.dossierCodes ?? []).slice(0, 10).join(", ") + ((facts.dossierCodes?.length ?? 0) > 10 ? ", …" : ""),
    approveBy: facts.approveBy ?? "cuối giờ làm việc",
  };
  const text = fill(template.text, values);
  const date = facts.kind === "late_apology" ? (facts.newDueDate ?? facts.dueDate) : facts.dueDate;
  return {
    text: text.length > CS_MAX_CHARS ? `${text.slice(0, CS_MAX_CHARS - 1)}…` : text,
    title: template.title,
    buttonText: template.buttonText,
    znsParams: {
      [ZNS_PARAMS.dossierCode.name]: cut(facts.dossierCode ?? "", ZNS_PARAMS.dossierCode.maxLength),
      [ZNS_PARAMS.status.name]: cut(template.title, ZNS_PARAMS.status.maxLength),
      [ZNS_PARAMS.procedure.name]: cut(procedure, ZNS_PARAMS.procedure.maxLength),
      [ZNS_PARAMS.place.name]: cut(place, ZNS_PARAMS.place.maxLength),
      [ZNS_PARAMS.date.name]: cut(date ? formatDateVn(date) : "", ZNS_PARAMS.date.maxLength),
    },
  };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
