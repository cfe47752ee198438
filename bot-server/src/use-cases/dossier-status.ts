/**
 * Public dossier status (GET /api/dossiers/:code/status and /tra-cuu), never personal data. Dossier codes are
 * sequential (national format), so anyone can walk them: by the code alone only the state and the dates are shown;
 * the procedure, unit, track and the documents still missing need the slip's token (status-token.ts) or the
 * citizen's own credentials for their own dossier. A wrong code and a missing one give the same answer.
 */
import type { DossierStatus } from "../../../shared/api/dossiers.js";
import type { DossierBrief } from "../../../shared/api/pre-registrations.js";
import { TRACK_LABELS, type Track } from "../../../shared/api/common.js";
import type { DossierState } from "../../../shared/data/lifecycle.js";
import { STATE_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";
import { formatDateVn, vnMomentFromEpoch } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import { verifyStatusToken } from "../status-token.js";
import { findDossierCitizenId, findDossierStatusByCode, type DossierStatusRow } from "../store/dossier-status.js";

const MAX_CODE_CHARS = 64;

export type DossierStatusOutcome = { ok: true; status: DossierStatus } | { ok: false; code: "dossier_not_found" };

export function stateLabel(state: string): string {
  return Object.hasOwn(STATE_LABELS_VI, state) ? STATE_LABELS_VI[state as DossierState] : state;
}

const asTrack = (t: string): Track => (t === "same-day" ? "same-day" : "normal");
const RESULT_READY_STATES = new Set(["result_ready", "returned"]);
const SUPPLEMENT_STATE = "awaiting_supplement";

/** Names only from the Mẫu 02 list (objects `{ name, … }` or plain names): notes may carry personal detail. */
function documentNames(json: string): string[] {
  try {
    const list: unknown = JSON.parse(json);
    if (!Array.isArray(list)) return [];
    return list.flatMap((d: unknown) => {
      const name = typeof d === "string" ? d : d && typeof d === "object" ? (d as { name?: unknown }).name : undefined;
      return typeof name === "string" && name.trim() !== "" ? [name.trim()] : [];
    });
  } catch {
    return [];
  }
}

export function dossierBrief(row: DossierStatusRow): DossierBrief {
  return {
    code: row.code,
    state: row.state,
    stateLabel: stateLabel(row.state),
    track: asTrack(row.track),
    dueDate: row.dueDate,
    resultReady: row.resultReadyAt !== null || RESULT_READY_STATES.has(row.state),
  };
}

/** What the code alone shows: the state and the dates. */
export function statusByCodeOnly(s: DossierStatus): DossierStatus {
  const { code, state, stateLabel, receivedOn, dueDate, dueDateText, resultReady, returned } = s;
  return { code, state, stateLabel, receivedOn, dueDate, dueDateText, resultReady, returned };
}

export interface StatusAccess {
  /** The slip's token (`t` of the QR code). */
  token?: string | undefined;
  /** Whose dossier this is asked for, when the caller is a signed-in citizen (Mini App). */
  citizenId?: string | undefined;
  /** Internal callers that show no document names (the OA chatbot): the full view. */
  full?: boolean;
}

export async function lookupDossierStatus(
  deps: Deps,
  rawCode: string,
  access: StatusAccess | string = {},
): Promise<DossierStatusOutcome> {
  const { token, citizenId, full } =
    typeof access === "string" ? { token: access, citizenId: undefined, full: false } : access;
  const code = rawCode.normalize("NFC").trim().toUpperCase();
  if (code === "" || code.length > MAX_CODE_CHARS) return { ok: false, code: "dossier_not_found" };
  const status = deps.statusCache.get(code) ?? (await readStatus(deps, code));
  if (!status) return { ok: false, code: "dossier_not_found" };
  const authentic = token !== undefined && verifyStatusToken(deps.statusTokenSecret, status.code, token);
  const own = citizenId !== undefined && (await findDossierCitizenId(deps.db, status.code)) === citizenId;
  const shown = authentic || own || full ? status : statusByCodeOnly(status);
  if (token === undefined) return { ok: true, status: shown };
  const slip = authentic
    ? {
        authentic,
        message: `Phiếu hợp lệ, do ${status.receivingUnit ? `UBND ${status.receivingUnit}` : "Bộ phận Một cửa"} cấp.`,
      }
    : { authentic, message: "Không xác thực được phiếu này." };
  return { ok: true, status: { ...shown, slip } };
}

async function readStatus(deps: Deps, code: string): Promise<DossierStatus | undefined> {
  const row = await findDossierStatusByCode(deps.db, code, deps.sqliteReads);
  if (!row) return undefined;
  const procedure = deps.domain.catalog.versionById(row.procedureVersionId);
  const unit = deps.domain.units.byId(row.receivingUnitId);
  const brief = dossierBrief(row);
  const receivedOn = vnMomentFromEpoch(Date.parse(row.receivedAt)).date;
  const status: DossierStatus = {
    code: row.code,
    procedure: { code: row.procedureCode, name: procedure?.name ?? row.procedureCode },
    receivingUnit: unit ? deps.domain.units.displayName(unit) : "",
    receivingUnitCode: unit?.code ?? "",
    state: row.state,
    stateLabel: brief.stateLabel,
    track: brief.track,
    trackLabel: TRACK_LABELS[brief.track],
    receivedOn,
    dueDate: row.dueDate,
    dueDateText: formatDateVn(row.dueDate),
    resultReady: brief.resultReady,
    returned: row.returnedAt !== null || row.state === "returned",
  };
  if (row.state === SUPPLEMENT_STATE) status.missingDocuments = documentNames(row.missingDocumentsJson);
  deps.statusCache.set(code, status);
  return status;
}
