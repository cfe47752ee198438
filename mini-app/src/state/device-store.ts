/**
 * What the app keeps on the phone: drafts (so nothing typed is lost when the network drops), tickets
 * (so the counter code opens offline) and the last unit. JSON under versioned keys; a corrupt entry
 * reads as absent instead of breaking the screen. The raw CCCD QR text is never stored.
 */
import type { DeviceStorage } from "../zalo/bridge.js";

const PREFIX = "khonghen.v1.";

export function readJson<T>(storage: DeviceStorage, key: string): T | undefined {
  const raw = storage.getItem(PREFIX + key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export function writeJson(storage: DeviceStorage, key: string, value: unknown): void {
  storage.setItem(PREFIX + key, JSON.stringify(value));
}

export function removeKey(storage: DeviceStorage, key: string): void {
  storage.removeItem(PREFIX + key);
}

export interface DeviceDraft {
  unitCode: string;
  procedureCode: string;
  versionId?: string;
  /** Server pre-registration id once the draft exists there. */
  serverId?: string;
  formData: Record<string, unknown>;
  /** Where the citizen was: the step id, "consent", "check" … */
  position: string;
  consentVersion?: string;
  /** Fields filled from a confirmed CCCD scan (their questions are skipped; never the raw QR text). */
  scanned?: string[];
  updatedAt: string;
  /** The device copy has changes the server has not acknowledged. */
  unsynced: boolean;
}

const draftKey = (unitCode: string, procedureCode: string) => `draft.${unitCode}.${procedureCode}`;

export function loadDraft(storage: DeviceStorage, unitCode: string, procedureCode: string): DeviceDraft | undefined {
  const d = readJson<DeviceDraft>(storage, draftKey(unitCode, procedureCode));
  return d && typeof d.formData === "object" && d.formData !== null ? d : undefined;
}

export function saveDraft(storage: DeviceStorage, draft: DeviceDraft): void {
  writeJson(storage, draftKey(draft.unitCode, draft.procedureCode), draft);
}

export function discardDraft(storage: DeviceStorage, unitCode: string, procedureCode: string): void {
  removeKey(storage, draftKey(unitCode, procedureCode));
}

export interface SavedTicket {
  id: string;
  code: string;
  unitCode: string;
  unitName: string;
  procedureCode: string;
  procedureName: string;
  qrPayload: string;
  /** The QR as SVG text, kept so the ticket shows offline. */
  qrSvg?: string;
  whatToBring: string[];
  where: string;
  when: string;
  expiresAt: string;
  savedAt: string;
  status?: string;
  statusLabel?: string;
  dossierCode?: string;
}

const TICKETS = "tickets";

export function loadTickets(storage: DeviceStorage): SavedTicket[] {
  const list = readJson<SavedTicket[]>(storage, TICKETS);
  return Array.isArray(list) ? list.filter((t) => t && typeof t.code === "string") : [];
}

export function saveTicket(storage: DeviceStorage, ticket: SavedTicket): void {
  const others = loadTickets(storage).filter((t) => t.id !== ticket.id);
  writeJson(storage, TICKETS, [ticket, ...others].slice(0, 20));
}

export function findTicket(storage: DeviceStorage, idOrCode: string): SavedTicket | undefined {
  return loadTickets(storage).find((t) => t.id === idOrCode || t.code === idOrCode);
}

export function forgetTicket(storage: DeviceStorage, id: string): void {
  writeJson(
    storage,
    TICKETS,
    loadTickets(storage).filter((t) => t.id !== id),
  );
}

const LAST_UNIT = "lastUnit";

export interface LastUnit {
  code: string;
  /** "xã Quảng Khê" */
  name: string;
}

export function loadLastUnit(storage: DeviceStorage): LastUnit | undefined {
  const v = readJson<LastUnit>(storage, LAST_UNIT);
  return v && typeof v.code === "string" && typeof v.name === "string" ? v : undefined;
}

export function saveLastUnit(storage: DeviceStorage, unit: LastUnit): void {
  writeJson(storage, LAST_UNIT, unit);
}
