/**
 * The process logger. Never logs request or response bodies; personal fields are redacted wherever they
 * appear in a logged object (Decree 13/2023, Law 91/2025: logs must not spread personal data).
 */
import { pino, type Logger } from "pino";

export type Log = Logger;

const PERSONAL_KEYS = [
  "formData",
  "form_data",
  "applicantName",
  "applicant_name",
  "applicantIdNumber",
  "applicant_id_number",
  "idNumber",
  "fullName",
  "full_name",
  "dateOfBirth",
  "address",
  "phone",
  "displayName",
  "display_name",
  "returnedTo",
  "returned_to",
  "password",
  "token",
  "accessToken",
  "access_token",
];
const HEADER_KEYS = ["authorization", "cookie", "x-zalo-access-token", "set-cookie"];

export const REDACT_PATHS = [
  ...PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`]),
  ...HEADER_KEYS.flatMap((h) => [`headers["${h}"]`, `req.headers["${h}"]`]),
  "body",
  "*.body",
];

export function createLog(level: string, destination?: NodeJS.WritableStream): Log {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: undefined }, destination as never);
}
