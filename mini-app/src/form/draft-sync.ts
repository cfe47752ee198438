/**
 * Keeping the draft in two places: the device copy is written first, always; the server copy follows when
 * there is a network and the citizen has accepted the personal-data notice. A failed send never loses
 * what was typed: the draft stays marked "unsynced" and is sent again on the next step or submit.
 */
import type { ApiClient } from "../api/client.js";
import type { ApiError } from "../api/http.js";
import type { PreRegistration } from "../api/types.js";
import { saveDraft, type DeviceDraft } from "../state/device-store.js";
import type { DeviceStorage } from "../zalo/bridge.js";
import type { FormData } from "./steps.js";

export type SyncOutcome =
  | { ok: true; draft: DeviceDraft; server: PreRegistration }
  | { ok: false; draft: DeviceDraft; error: ApiError }
  | { ok: "device-only"; draft: DeviceDraft };

/** Cleared answers are sent as null (the server merges and clears nulls); undefined keys are left out. */
export function serverFormData(data: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined) continue;
    out[k] = typeof v === "string" && v.trim() === "" ? null : v;
  }
  return out;
}

/** Server drafts that vanished (expired and purged, or another device cancelled them) are recreated. */
const GONE = new Set(["pre_registration_not_found", "pre_registration_expired"]);

export async function syncDraft(api: ApiClient, storage: DeviceStorage, draft: DeviceDraft): Promise<SyncOutcome> {
  saveDraft(storage, draft);
  if (!draft.consentVersion) return { ok: "device-only", draft };
  const consent = { accepted: true as const, version: draft.consentVersion };
  const formData = serverFormData(draft.formData);
  let r = draft.serverId
    ? await api.updatePreRegistration(draft.serverId, { formData, unitCode: draft.unitCode })
    : await api.createPreRegistration({
        unitCode: draft.unitCode,
        procedureCode: draft.procedureCode,
        formData,
        consent,
      });
  if (!r.ok && draft.serverId && GONE.has(r.error.code)) {
    r = await api.createPreRegistration({
      unitCode: draft.unitCode,
      procedureCode: draft.procedureCode,
      formData,
      consent,
    });
  }
  if (!r.ok) {
    const kept = { ...draft, unsynced: true };
    saveDraft(storage, kept);
    return { ok: false, draft: kept, error: r.error };
  }
  const synced: DeviceDraft = {
    ...draft,
    serverId: r.value.id,
    versionId: r.value.procedure.versionId,
    unsynced: false,
  };
  saveDraft(storage, synced);
  return { ok: true, draft: synced, server: r.value };
}
