/**
 * The procedure catalog: which version of a procedure applies on a date, which procedures a unit level
 * receives, and the fee a province charges. Versions are frozen: a dossier refers to one by id forever.
 */
import type { IsoDate, UnitLevel } from "../model.js";
import type { FeeEntry, FeeResolution } from "../data/fees.js";
import { feeSchedule } from "../data/fees.js";
import { procedureVersions } from "../data/procedures/procedure-versions.js";
import type { ProcedureVersion } from "./procedure-version.js";

export const FEE_TO_VERIFY = "cần kiểm tra";

export interface FeeQuote {
  amountVnd: number | null;
  onlineAmountVnd: number | null;
  /** "100.000 đ (cần kiểm tra)" or "cần kiểm tra": never an invented amount. */
  display: string;
  toVerify: boolean;
  entry?: FeeEntry;
}

export interface ProcedureCatalog {
  versions: readonly ProcedureVersion[];
  versionAt(code: string, date: IsoDate): ProcedureVersion | undefined;
  versionById(id: string): ProcedureVersion | undefined;
  /** Versions whose one-stops at `level` receive the procedure on `date`. */
  receivedAtLevel(level: UnitLevel, date: IsoDate): ProcedureVersion[];
  feeFor(provinceCode: string, code: string, date: IsoDate): FeeQuote;
}

const inForce = (from: IsoDate, to: IsoDate | undefined, date: IsoDate) =>
  from <= date && (to === undefined || date <= to);

export function formatVnd(amount: number): string {
  return `${amount.toLocaleString("vi-VN").replace(/,/g, ".")} đ`;
}

/** How a fee entry reads: an amount, "do HĐND tỉnh quy định (Nghị quyết …)", or "cần kiểm tra". */
export function feeQuoteOf(entry: FeeEntry): FeeQuote {
  const display =
    entry.amountVnd === null
      ? entry.resolution && !entry.toVerify
        ? `do HĐND tỉnh quy định (${resolutionText(entry.resolution)})`
        : FEE_TO_VERIFY
      : `${formatVnd(entry.amountVnd)}${entry.toVerify ? ` (${FEE_TO_VERIFY})` : ""}`;
  return {
    amountVnd: entry.amountVnd,
    onlineAmountVnd: entry.onlineAmountVnd,
    display,
    toVerify: entry.toVerify,
    entry,
  };
}

/** "Nghị quyết số 12/2025/NQ-HĐND ngày 10/07/2025 của HĐND tỉnh". */
export function resolutionText(r: FeeResolution): string {
  const [y, m, d] = r.date.split("-");
  return `Nghị quyết số ${r.number} ngày ${d}/${m}/${y} của ${r.issuer ?? "HĐND tỉnh"}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function createCatalog(versions: readonly ProcedureVersion[], fees: readonly FeeEntry[]): ProcedureCatalog {
  const byCode = new Map<string, ProcedureVersion[]>();
  const byId = new Map<string, ProcedureVersion>();
  for (const v of versions) {
    deepFreeze(v);
    if (byId.has(v.id)) throw new Error(`duplicate procedure version ${v.id}`);
    byId.set(v.id, v);
    const list = byCode.get(v.code) ?? [];
    list.push(v);
    byCode.set(v.code, list);
  }
  for (const list of byCode.values()) list.sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));

  function versionAt(code: string, date: IsoDate): ProcedureVersion | undefined {
    const list = byCode.get(code);
    if (!list) return undefined;
    for (const v of list) if (inForce(v.validFrom, v.validTo, date)) return v;
    return undefined;
  }

  function feeFor(provinceCode: string, code: string, date: IsoDate): FeeQuote {
    const entry = fees.find(
      (f) => f.provinceCode === provinceCode && f.procedureCode === code && inForce(f.validFrom, f.validTo, date),
    );
    if (!entry) return { amountVnd: null, onlineAmountVnd: null, display: FEE_TO_VERIFY, toVerify: true };
    return feeQuoteOf(entry);
  }

  return {
    versions,
    versionAt,
    versionById: (id) => byId.get(id),
    receivedAtLevel: (level, date) =>
      [...byCode.keys()]
        .map((code) => versionAt(code, date))
        .filter((v): v is ProcedureVersion => v !== undefined && v.receivingLevels.includes(level)),
    feeFor,
  };
}

export const procedureCatalog: ProcedureCatalog = createCatalog(procedureVersions, feeSchedule);
