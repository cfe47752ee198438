/**
 * An in-memory public API for component tests: the 1.004873 version from shared data at xã Quảng Khê on a
 * Wednesday, pre-registrations kept in a map, and switches for a dropped network and a refused submit.
 */
import { CONSENT_NOTICE } from "../../../shared/api/consent.js";
import { maritalStatus2025 } from "../../../shared/data/procedures/marital-status-certificate.js";
import { documentKindLabels } from "../../../shared/procedures/procedure-version.js";
import type { ApiClient } from "../../../mini-app/src/api/client.js";
import { networkError, type ApiError, type ApiResult } from "../../../mini-app/src/api/http.js";
import { whereToSubmit } from "../../../shared/procedures/where-to-submit.js";
import type { PreRegistration, ProcedureDetail, SchemeStatus } from "../../../mini-app/src/api/types.js";

export const UNIT = {
  id: "24631@2025-07-01",
  code: "24631",
  name: "Quảng Khê",
  type: "xã",
  displayName: "xã Quảng Khê",
  fullName: "xã Quảng Khê, tỉnh Lâm Đồng",
};

export const SCHEME: SchemeStatus = {
  unit: UNIT,
  at: "2026-12-02T03:00:00.000Z",
  date: "2026-12-02",
  dateText: "02/12/2026",
  time: "10:00",
  weekday: "Thứ Tư",
  workingDay: true,
  schemeDay: true,
  plan: {
    id: "demo",
    title: "Cấu hình minh họa",
    issuer: "Khong Hen",
    number: null,
    validFrom: "2025-07-01",
    validTo: null,
    official: false,
    statusLabel: "Cấu hình minh họa, không phải quyết định chính thức",
    toVerify: true,
  },
  officeHours: [
    { start: "07:00", end: "11:30" },
    { start: "13:30", end: "17:00" },
  ],
  officeHoursToVerify: true,
  openNow: true,
  office: { place: "Bộ phận Một cửa, UBND xã Quảng Khê", address: null, phone: null, toVerify: true, source: "" },
  intakeCutoff: "15:00",
  intakeOpen: true,
  intakeState: "open",
  resumesAt: null,
  pauseKind: null,
  minutesToCutoff: 300,
  nextSchemeDay: "2026-12-09",
  nextSchemeDayText: "Thứ Tư 09/12/2026",
  procedures: [
    {
      code: "1.004873",
      name: maritalStatus2025.name,
      versionId: maritalStatus2025.id,
      sameDayEligible: true,
      track: "same-day",
      sameDayNow: true,
      dueDate: "2026-12-02",
      dueDateText: "02/12/2026",
      reasons: [],
    },
  ],
  summary: "",
};

const v = maritalStatus2025;
export const PROCEDURE: ProcedureDetail = {
  code: v.code,
  name: v.name,
  versionId: v.id,
  validFrom: v.validFrom,
  validTo: null,
  sector: { name: v.sector.name, toVerify: false },
  receivingBody: { name: v.receivingBody.name, toVerify: false },
  competentBody: { name: v.competentBody.name, toVerify: true },
  where: whereToSubmit(v, { type: "xã", name: "Quảng Khê" }),
  legalBasis: v.legalBasis.map((b) => ({ title: b.title, articles: b.articles ?? null, toVerify: !!b.toVerify })),
  requiredDocuments: v.requiredDocuments.map((d) => ({
    id: d.id,
    name: d.name,
    kind: d.kind,
    kindLabel: documentKindLabels[d.kind],
    count: d.count,
    always: d.always,
    condition: d.condition ?? null,
    toVerify: !!d.toVerify,
  })),
  form: {
    formCode: v.form.formCode,
    title: v.form.title,
    legalSource: v.form.legalSource,
    toVerify: true,
    sections: v.form.sections,
    fields: v.form.fields as unknown as Record<string, unknown>[],
  },
  timeLimit: { workingDays: 3, sameDayCutoff: "15:00", note: null, toVerify: true },
  fee: null,
  result: { name: v.result.name, toVerify: false },
  caseFlags: v.caseFlags.map((f) => ({
    id: f.id,
    label: f.label,
    excludesSameDay: f.excludesSameDay,
    excludesAssistedWriting: f.excludesAssistedWriting,
    note: f.note,
    toVerify: false,
  })),
  toVerify: [],
  sameDay: {
    unit: UNIT,
    eligible: true,
    track: "same-day",
    dueDate: "2026-12-02",
    dueDateText: "02/12/2026",
    reasons: [],
  },
};

export interface FakeApi extends ApiClient {
  offline: boolean;
  /** The next submit answers 422 with these field errors. */
  refuseNextSubmit: { path: string; message: string }[] | null;
  /** The next create/update answers with this error (e.g. consent_outdated). */
  refuseNextSave: (Partial<ApiError> & { status: number; code: string }) | null;
  /** While set, creates and updates wait for it (a slow server). */
  holdSaves: Promise<void> | null;
  records: Map<string, PreRegistration>;
  calls: string[];
}

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const err = <T>(e: Partial<ApiError> & { status: number; code: string }): ApiResult<T> => ({
  ok: false,
  error: { message: "Lỗi", detail: "", fields: [], ...e },
});

export function createFakeApi(): FakeApi {
  const records = new Map<string, PreRegistration>();
  let seq = 0;
  const api: FakeApi = {
    offline: false,
    refuseNextSubmit: null,
    refuseNextSave: null,
    holdSaves: null,
    records,
    calls: [],
  } as unknown as FakeApi;
  const call = async <T>(name: string, run: () => ApiResult<T>): Promise<ApiResult<T>> => {
    api.calls.push(name);
    if (api.holdSaves && (name === "createPreRegistration" || name === "updatePreRegistration")) await api.holdSaves;
    if (api.offline) return { ok: false, error: networkError("Failed to fetch") };
    if (api.refuseNextSave && (name === "createPreRegistration" || name === "updatePreRegistration")) {
      const e = api.refuseNextSave;
      api.refuseNextSave = null;
      return err(e);
    }
    return run();
  };
  const record = (formData: Record<string, unknown>, consent: string): PreRegistration => {
    seq += 1;
    const id = `pre-${seq}`;
    const code = ["K7M-4X9-RD", "HHH-HHH-HH"][seq - 1] ?? "K7M-4X9-RD";
    return {
      id,
      code,
      status: "draft",
      statusLabel: "Bản nháp",
      unit: UNIT,
      procedure: { code: v.code, name: v.name, versionId: v.id },
      consent: { version: consent, acceptedAt: "2026-12-02T03:00:00.000Z" },
      createdAt: "2026-12-02T03:00:00.000Z",
      updatedAt: "2026-12-02T03:00:00.000Z",
      expiresAt: "2027-01-01T03:00:00.000Z",
      qr: { payload: `KH1:${code}`, svgUrl: `/api/pre-registrations/${id}/qr.svg` },
      dossier: null,
      formData,
      missingFields: [],
    };
  };
  Object.assign(api, {
    searchUnits: () => call("searchUnits", () => ok({ items: [] })),
    getUnit: () => call("getUnit", () => err({ status: 404, code: "unit_not_found" })),
    getScheme: () => call("getScheme", () => ok(SCHEME)),
    getCounterWait: () =>
      call("getCounterWait", () =>
        ok({
          unitCode: "24631",
          date: "2026-12-02",
          time: "10:00",
          schemeDay: true,
          intakeState: "open" as const,
          intakeCutoff: "15:00",
          estimate: null,
          method: "",
        }),
      ),
    currentAddress: () => call("currentAddress", () => ok({ offer: null })),
    listProcedures: () => call("listProcedures", () => ok({ unit: UNIT, schemeDay: true, items: [] })),
    getProcedure: () => call("getProcedure", () => ok(PROCEDURE)),
    getConsent: () => call("getConsent", () => ok(CONSENT_NOTICE)),
    registerDevice: () =>
      call("registerDevice", () => ok({ token: "t", tokenType: "Bearer" as const, citizenId: "c" })),
    createPreRegistration: (body: { formData?: Record<string, unknown>; consent?: { version: string } }) =>
      call("createPreRegistration", () => {
        const r = record(body.formData ?? {}, body.consent?.version ?? "");
        records.set(r.id, r);
        return ok(r);
      }),
    getPreRegistration: (id: string) =>
      call("getPreRegistration", () => {
        const r = records.get(id) ?? [...records.values()].find((x) => x.code === id);
        return r
          ? ok(r)
          : err({
              status: 404,
              code: "pre_registration_not_found",
              message: "Không tìm thấy hồ sơ đăng ký trước này.",
            });
      }),
    listMyPreRegistrations: () => call("listMyPreRegistrations", () => ok({ items: [...records.values()] })),
    updatePreRegistration: (id: string, body: { formData?: Record<string, unknown> }) =>
      call("updatePreRegistration", () => {
        const r = records.get(id);
        if (!r) return err({ status: 404, code: "pre_registration_not_found" });
        const next = { ...r, formData: { ...r.formData, ...body.formData } };
        records.set(id, next);
        return ok(next);
      }),
    submitPreRegistration: (id: string) =>
      call("submitPreRegistration", () => {
        if (api.refuseNextSubmit) {
          const fields = api.refuseNextSubmit;
          api.refuseNextSubmit = null;
          return err({
            status: 422,
            code: "form_incomplete",
            message: "Tờ khai chưa đủ thông tin bắt buộc, vui lòng bổ sung các trường được đánh dấu.",
            fields,
          });
        }
        const r = records.get(id)!;
        const next = { ...r, status: "submitted" as const, statusLabel: "Đã gửi, chờ nộp tại Bộ phận Một cửa" };
        records.set(id, next);
        return ok(next);
      }),
    cancelPreRegistration: () => call("cancelPreRegistration", () => ok(undefined)),
    getPreRegistrationQrSvg: () =>
      call("getPreRegistrationQrSvg", () =>
        ok('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>'),
      ),
    getDossierStatus: () =>
      call("getDossierStatus", () =>
        err({ status: 404, code: "dossier_not_found", message: "Không tìm thấy hồ sơ có mã này." }),
      ),
    sendFeedback: () => call("sendFeedback", () => ok({ id: "f1", createdAt: "2026-12-02T03:00:00.000Z" })),
    listMyFeedback: () => call("listMyFeedback", () => ok({ items: [] })),
    reportNotificationOptIn: () => call("reportNotificationOptIn", () => ok(undefined)),
    getMe: () =>
      call("getMe", () =>
        ok({ citizenId: "c1", identity: "zalo" as const, createdAt: "2026-12-02T02:00:00.000Z", phone: null }),
      ),
    savePhoneFromZalo: () =>
      call("savePhoneFromZalo", () =>
        ok({ masked: "0912 *** 678", consentAt: "2026-12-02T02:00:00.000Z", source: "zalo" as const }),
      ),
    erasePhone: () => call("erasePhone", () => ok(undefined)),
  });
  return api;
}
