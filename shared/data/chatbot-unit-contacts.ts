/**
 * Contact details of one-stop offices that the chatbot gives out (address, phone). No verified contact was found in
 * the reference material, so the table ships empty and the bot says "chưa cập nhật (cần kiểm tra)" rather than
 * invent a number. A unit administrator enters the office's number and address in the console (bot-server/src/store/
 * unit-contacts.ts), which the chatbot passes in as `contacts`; rows here are for numbers published with a source.
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
