/**
 * The public API as the mini app uses it. One function per call; every call returns a result.
 * Personal data never goes in a URL. Shapes come from shared/api (types only: zod stays out of the
 * first screen's bundle).
 */
import type { Auth } from "./auth.js";
import { requestJson, type ApiResult, type Fetch, type RequestOptions } from "./http.js";
import type {
  CitizenMe,
  CitizenPhone,
  ConsentNotice,
  CreatePreRegistration,
  DeviceTokenResponse,
  DossierStatus,
  FeedbackInput,
  FeedbackReceipt,
  MyFeedbackList,
  NotificationOptIn,
  PreRegistration,
  PreRegistrationList,
  ProcedureDetail,
  ProcedureList,
  SchemeStatus,
  UnitDetail,
  UnitList,
  UpdatePreRegistration,
  CounterWait,
  CurrentAddressAnswer,
  CorrectionInput,
  CorrectionRequest,
  MyData,
} from "./types.js";

export interface ApiClient {
  searchUnits(q: string): Promise<ApiResult<UnitList>>;
  getCounterWait(unitCode: string): Promise<ApiResult<CounterWait>>;
  currentAddress(address: string): Promise<ApiResult<CurrentAddressAnswer>>;
  getUnit(unitCode: string): Promise<ApiResult<UnitDetail>>;
  getScheme(unitCode: string): Promise<ApiResult<SchemeStatus>>;
  listProcedures(unitCode: string): Promise<ApiResult<ProcedureList>>;
  getProcedure(code: string, unitCode: string): Promise<ApiResult<ProcedureDetail>>;
  getConsent(): Promise<ApiResult<ConsentNotice>>;
  registerDevice(): Promise<ApiResult<DeviceTokenResponse>>;
  createPreRegistration(body: CreatePreRegistration): Promise<ApiResult<PreRegistration>>;
  getPreRegistration(id: string): Promise<ApiResult<PreRegistration>>;
  listMyPreRegistrations(): Promise<ApiResult<PreRegistrationList>>;
  updatePreRegistration(id: string, body: UpdatePreRegistration): Promise<ApiResult<PreRegistration>>;
  submitPreRegistration(id: string): Promise<ApiResult<PreRegistration>>;
  cancelPreRegistration(id: string): Promise<ApiResult<void>>;
  getPreRegistrationQrSvg(id: string): Promise<ApiResult<string>>;
  getDossierStatus(code: string): Promise<ApiResult<DossierStatus>>;
  /** Proposed, not in the server spine yet: POST /api/feedback. */
  sendFeedback(body: FeedbackInput): Promise<ApiResult<FeedbackReceipt>>;
  /** GET /api/feedback: my feedback with the unit's answers. */
  listMyFeedback(): Promise<ApiResult<MyFeedbackList>>;
  /** Proposed, not in the server spine yet: POST /api/citizens/me/notifications (sets notify_opt_in_at, oa_followed). */
  reportNotificationOptIn(body: NotificationOptIn): Promise<ApiResult<void>>;
  /** Everything held about me (Luật số 91/2025/QH15); the JSON file and the readable page to download. */
  getMyData(): Promise<ApiResult<MyData>>;
  downloadMyData(): Promise<ApiResult<string>>;
  getMyDataPage(): Promise<ApiResult<string>>;
  requestCorrection(body: CorrectionInput): Promise<ApiResult<CorrectionRequest>>;
  getMe(): Promise<ApiResult<CitizenMe>>;
  /** The getPhoneNumber() token, sent with the citizen's agreement; the server keeps the number for result messages. */
  savePhoneFromZalo(phoneToken: string): Promise<ApiResult<CitizenPhone>>;
  erasePhone(): Promise<ApiResult<void>>;
}

/** When the server has no feedback route yet (404 not_found), the citizen reads this instead of "address not found". */
export const FEEDBACK_UNAVAILABLE =
  "Chưa gửi được ý kiến lúc này. Nội dung bạn viết vẫn được giữ, vui lòng thử lại sau.";

export function feedbackErrorMessage(error: { code: string; message: string }): string {
  return error.code === "not_found" ? FEEDBACK_UNAVAILABLE : error.message;
}

export interface ApiClientOptions {
  /** Absolute or same-origin base, e.g. "/api" or "https://khonghen.example.vn/api". */
  baseUrl: string;
  fetch: Fetch;
  auth?: Auth;
}

const enc = encodeURIComponent;

export function createApiClient({ baseUrl, fetch, auth }: ApiClientOptions): ApiClient {
  const base = baseUrl.replace(/\/$/, "");
  const open = <T>(path: string, options?: RequestOptions) => requestJson<T>(fetch, base + path, options);
  /** Calls on the citizen's own data: send credentials, and retry once with fresh ones after a 401. */
  const mine = async <T>(path: string, options: RequestOptions = {}): Promise<ApiResult<T>> => {
    if (!auth) return open<T>(path, options);
    for (let attempt = 0; ; attempt++) {
      const h = await auth.headers();
      if (!h.ok) return h;
      const r = await open<T>(path, { ...options, headers: { ...options.headers, ...h.value } });
      if (r.ok || r.error.status !== 401 || attempt > 0) return r;
      auth.reset();
    }
  };

  return {
    searchUnits: (q) => open(`/units?q=${enc(q)}`),
    getCounterWait: (code) => open(`/units/${enc(code)}/counter-wait`),
    currentAddress: (address) => open(`/units/current-address`, { method: "POST", body: { address } }),
    getUnit: (code) => open(`/units/${enc(code)}`),
    getScheme: (code) => open(`/units/${enc(code)}/scheme`),
    listProcedures: (unit) => open(`/procedures?unit=${enc(unit)}`),
    getProcedure: (code, unit) => open(`/procedures/${enc(code)}?unit=${enc(unit)}`),
    getConsent: () => open(`/consent`),
    registerDevice: () => open(`/citizens/device`, { method: "POST", body: {} }),
    createPreRegistration: (body) => mine(`/pre-registrations`, { method: "POST", body }),
    getPreRegistration: (id) => mine(`/pre-registrations/${enc(id)}`),
    listMyPreRegistrations: () => mine(`/pre-registrations?mine=1`),
    updatePreRegistration: (id, body) => mine(`/pre-registrations/${enc(id)}`, { method: "PATCH", body }),
    submitPreRegistration: (id) => mine(`/pre-registrations/${enc(id)}/submit`, { method: "POST", body: {} }),
    cancelPreRegistration: (id) => mine(`/pre-registrations/${enc(id)}`, { method: "DELETE" }),
    getPreRegistrationQrSvg: (id) => mine(`/pre-registrations/${enc(id)}/qr.svg`, { text: true }),
    // With the citizen's credential when there is one: their own dossier shows its details (procedure, missing documents).
    getDossierStatus: async (code) => {
      const h = auth ? await auth.headers() : undefined;
      return open(`/dossiers/${enc(code)}/status`, h?.ok ? { headers: h.value } : {});
    },
    sendFeedback: (body) => mine(`/feedback`, { method: "POST", body }),
    listMyFeedback: () => mine(`/feedback?mine=1`),
    reportNotificationOptIn: (body) => mine(`/citizens/me/notifications`, { method: "POST", body }),
    getMyData: () => mine(`/citizens/me/data`),
    downloadMyData: () => mine(`/citizens/me/data?download=1`, { text: true }),
    getMyDataPage: () => mine(`/citizens/me/data/page`, { text: true }),
    requestCorrection: (body) => mine(`/citizens/me/corrections`, { method: "POST", body }),
    getMe: () => mine(`/citizens/me`),
    savePhoneFromZalo: (phoneToken) =>
      mine(`/citizens/me/phone`, { method: "POST", body: { phoneToken, consent: true } }),
    erasePhone: () => mine(`/citizens/me/phone`, { method: "DELETE" }),
  };
}
