/**
 * Nơi tiếp nhận and nơi giải quyết in citizen words, for the mini-app, the chatbot and the printed slips. A commune's
 * one-stop may receive a dossier that another office decides (after 01/07/2025 the land registration office or its
 * branch decides security-interest registrations received at the commune): the citizen is told both.
 */
import type { AdminUnit } from "../model.js";
import { displayName } from "../units/unit-names.js";
import type { ProcedureVersion } from "./procedure-version.js";

export interface WhereToSubmit {
  /** "Trung tâm Phục vụ hành chính công xã Quảng Khê". */
  receivingOffice: string;
  /** "Ủy ban nhân dân xã Quảng Khê", or "Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai". */
  decidingOffice: string;
  /** The deciding body belongs to the receiving unit's People's Committee. */
  sameBody: boolean;
  /** One or two sentences: where to submit and collect, and who decides when it is another office. */
  text: string;
}

const LEVEL_SUFFIX = /\s+(UBND\s+)?cấp (xã|huyện|tỉnh)(?=\s|$).*$/i;
const PARENTHESIS = /\s*\(.*$/;

/** "Trung tâm Phục vụ hành chính công cấp xã" → "Trung tâm Phục vụ hành chính công" (the unit's name follows). */
export function officeWithoutLevel(name: string): string {
  return name.replace(PARENTHESIS, "").replace(LEVEL_SUFFIX, "").trim();
}

/** The land office's long legal name in plain words: "Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai". */
function decidingWords(version: ProcedureVersion, unit: Pick<AdminUnit, "type" | "name"> | undefined): string {
  const body = version.competentBody;
  if (body.sameBodyAsReceiving) {
    const base = officeWithoutLevel(body.name);
    return unit ? `${base} ${displayName(unit)}` : body.name.replace(PARENTHESIS, "");
  }
  const parts = body.name
    .replace(PARENTHESIS, "")
    .split(/,\s*/)
    .map((p) => p.replace(/\s+trực thuộc .*$/, "").trim())
    .filter(Boolean);
  return parts.join(" hoặc ");
}

export function whereToSubmit(version: ProcedureVersion, unit?: Pick<AdminUnit, "type" | "name">): WhereToSubmit {
  const base = officeWithoutLevel(version.receivingBody.name);
  const receivingOffice = unit ? `${base} ${displayName(unit)}` : version.receivingBody.name.replace(PARENTHESIS, "");
  const decidingOffice = decidingWords(version, unit);
  const sameBody = version.competentBody.sameBodyAsReceiving;
  const text = sameBody
    ? `Nộp hồ sơ và nhận kết quả tại ${receivingOffice}.`
    : `Nộp hồ sơ và nhận kết quả tại ${receivingOffice}; nơi giải quyết là ${decidingOffice}, hồ sơ được chuyển đến đó.`;
  return { receivingOffice, decidingOffice, sameBody, text };
}
