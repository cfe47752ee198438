/**
 * Training mode ("diễn tập", docs/admin/training.md): the pure rules. A unit in training mode works a scheme-day
 * morning on synthetic citizens; its dossiers are flagged, carry a "DT-" code, and never leave the unit's console.
 * Pure data and functions: the server and the console front-end import this file.
 */
import type { IsoDate } from "../model.js";
import { addDays } from "../time/vn-time.js";
import type { VisitIdentity } from "../dossier/applicant-fields.js";

/** What every console screen and every printout of a training dossier shows. */
export const TRAINING_MARK = "DIỄN TẬP";

/** The code of a received training dossier starts with this, so no real code can ever be confused with it. */
export const TRAINING_CODE_PREFIX = "DT-";

/** The training clock starts at 08:00 (Asia/Ho_Chi_Minh) of the training day. */
export const TRAINING_START = "08:00";

/** How far ahead the next scheme day is looked for; a unit without a scheme day in this window cannot train. */
export const TRAINING_LOOKAHEAD_DAYS = 120;

/**
 * The training day: the first scheme day of the unit's plan strictly after `today`, so the training never shares a
 * date with the real counter's day. `isSchemeDay` asks the domain (plan weekday(s) and the calendar).
 */
export function trainingDayAfter(today: IsoDate, isSchemeDay: (date: IsoDate) => boolean): IsoDate | undefined {
  for (let i = 1; i <= TRAINING_LOOKAHEAD_DAYS; i++) {
    const d = addDays(today, i);
    if (isSchemeDay(d)) return d;
  }
  return undefined;
}

/**
 * The training clock: 08:00 of the training day plus the real time elapsed since the training started (switch-on
 * or the last reset), so the morning runs at its real pace and the cut-off comes as it would.
 */
export function trainingInstant(day: IsoDate, startedAtMs: number, nowMs: number): Date {
  const start = Date.parse(`${day}T${TRAINING_START}:00+07:00`);
  return new Date(start + Math.max(0, nowMs - startedAtMs));
}

/**
 * Synthetic ID numbers start with "000": the first three digits of a CCCD number are the code of the province of
 * birth registration, allocated 001–096 (Circular 07/2016/TT-BCA, Art. 7 and its annex; kept by Circular
 * 59/2021/TT-BCA), so no card was issued with 000. The Law on Identification 26/2023/QH15 only guarantees 12 digits
 * (docs/domain/personal-data.md), hence the dossier flag and the "DT-" code are the guarantee, this prefix a second
 * visible one.
 */
export const SYNTHETIC_ID_PREFIX = "000";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const MIDDLE_MALE = ["Văn", "Đức", "Minh"];
const MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu"];
const GIVEN = ["Thử", "Mẫu", "Diễn", "Tập", "Ví Dụ", "Học", "Hành", "Luyện"];

/** `random` in [0, 1): Math.random in the console, a fixed sequence in tests. */
export function syntheticIdentity(random: () => number): VisitIdentity {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length) % xs.length]!;
  const male = random() < 0.5;
  const year = 1960 + Math.floor(random() * 45);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  // Sex/century digit as on real cards (0/1 born 1900–1999, 2/3 born 2000–2099), then the year's last two digits.
  const centuryDigit = (year >= 2000 ? 2 : 0) + (male ? 0 : 1);
  const serial = String(Math.floor(random() * 1_000_000)).padStart(6, "0");
  const dd = String(day).padStart(2, "0");
  const mm = String(month).padStart(2, "0");
  return {
    fullName: `${pick(FAMILY)} ${pick(male ? MIDDLE_MALE : MIDDLE_FEMALE)} ${pick(GIVEN)}`,
    idNumber: `${SYNTHETIC_ID_PREFIX}${centuryDigit}${String(year).slice(2)}${serial}`,
    dateOfBirth: `${dd}/${mm}/${year}`,
    sex: male ? "Nam" : "Nữ",
    address: `Số ${1 + Math.floor(random() * 99)}, Thôn Diễn Tập`,
  };
}

export function isSyntheticIdNumber(idNumber: string | null | undefined): boolean {
  return typeof idNumber === "string" && /^000\d{9}$/.test(idNumber);
}
