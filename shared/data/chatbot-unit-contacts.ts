/**
 * Contact details of one-stop offices that the chatbot gives out (address, phone). No verified contact was found in
 * the reference material, so the table ships empty and the bot says "chưa cập nhật (cần kiểm tra)" rather than
 * invent a number. A unit administrator adds rows (unit id `${GSO code}@${validFrom}`), each with its source.
 */
import type { Evidence } from "../model.js";

export interface UnitContact {
  unitId: string;
  /** Street address of the one-stop office. */
  address?: string;
  /** As dialled, e.g. "0261 3xxx xxx". */
  phone?: string;
  source: string;
  evidence: Evidence;
  toVerify: boolean;
}

export const unitContacts: readonly UnitContact[] = [];
