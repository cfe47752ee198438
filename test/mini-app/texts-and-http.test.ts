/** @jest-environment jsdom */
import { describe, expect, it } from "@jest/globals";
import { deviceAuth, DEVICE_TOKEN_KEY } from "../../mini-app/src/api/auth.js";
import { createApiClient } from "../../mini-app/src/api/client.js";
import { parseErrorBody, requestJson, type Fetch } from "../../mini-app/src/api/http.js";
import type { SchemeStatus } from "../../mini-app/src/api/types.js";
import { formatDuration, parseDateInput } from "../../mini-app/src/format.js";
import { readLookupCode } from "../../mini-app/src/pages/Home/lookup-code.js";
import { schemeBanner } from "../../mini-app/src/pages/Unit/scheme-text.js";
import { memoryStorage } from "../../mini-app/src/zalo/bridge.js";

const unit = {
  id: "24631@2025-07-01",
  code: "24631",
  name: "Quảng Khê",
  type: "xã",
  displayName: "xã Quảng Khê",
  fullName: "xã Quảng Khê, tỉnh Lâm Đồng",
};
const scheme = (over: Partial<SchemeStatus>): SchemeStatus => ({
  unit,
  at: "2026-12-02T06:40:00.000Z",
  date: "2026-12-02",
  dateText: "02/12/2026",
  time: "13:40",
  weekday: "Thứ Tư",
  workingDay: true,
  schemeDay: true,
  plan: {
    id: "p",
    title: "Kế hoạch",
    issuer: "UBND",
    number: null,
    validFrom: "2025-07-01",
    validTo: null,
    official: false,
    statusLabel: "Cấu hình minh họa",
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
  minutesToCutoff: 80,
  nextSchemeDay: "2026-12-09",
  nextSchemeDayText: "Thứ Tư 09/12/2026",
  procedures: [],
  summary: "",
  ...over,
});

describe("scheme banner", () => {
  it("says how long is left before the cutoff on a scheme day, as in the issue", () => {
    expect(schemeBanner(scheme({})).title).toBe(
      "Hôm nay là Ngày không hẹn tại xã Quảng Khê: còn 1 giờ 20 phút đến 15:00.",
    );
  });
  it("after the cutoff, says the dossier goes the normal way and when the next scheme day is", () => {
    const b = schemeBanner(scheme({ intakeOpen: false, intakeState: "closed", minutesToCutoff: 0, time: "15:01" }));
    expect(b.tone).toBe("warning");
    expect(b.title).toContain("đã qua giờ nhận hồ sơ trả trong ngày (15:00)");
    expect(b.detail).toContain("Thứ Tư, 09/12/2026");
  });
  it("on another day, names the next scheme day with its weekday and dd/mm/yyyy", () => {
    expect(schemeBanner(scheme({ schemeDay: false, intakeOpen: false, minutesToCutoff: null })).title).toBe(
      "Ngày không hẹn tiếp theo: Thứ Tư, 09/12/2026.",
    );
  });
  it("over the lunch break of a scheme day, says when intake resumes and that same-day still holds before 15:00", () => {
    const b = schemeBanner(
      scheme({
        intakeOpen: false,
        intakeState: "paused",
        resumesAt: "13:30",
        pauseKind: "break",
        time: "11:35",
        openNow: false,
      }),
    );
    expect(b.tone).toBe("success");
    expect(b.title).toBe(
      "Hôm nay là Ngày không hẹn tại xã Quảng Khê. Đang nghỉ trưa, tiếp nhận lại lúc 13:30 — vẫn kịp trả trong ngày nếu nộp trước 15:00.",
    );
  });
  it("says plainly when the unit has no scheme", () => {
    expect(schemeBanner(scheme({ plan: null, schemeDay: false })).title).toBe(
      "Xã Quảng Khê chưa áp dụng Ngày không hẹn.",
    );
  });
});

describe("Vietnamese formats", () => {
  it.each([
    [80, "1 giờ 20 phút"],
    [45, "45 phút"],
    [120, "2 giờ"],
    [0, "0 phút"],
  ])("%i minutes → %s", (m, text) => {
    expect(formatDuration(m)).toBe(text);
  });
  it.each([
    ["15/06/1985", "1985-06-15"],
    ["1/7/2025", "2025-07-01"],
    ["15061985", "1985-06-15"],
    ["30/02/2021", undefined],
    ["2021-02-01", undefined],
  ])("reads the typed date %s", (typed, iso) => expect(parseDateInput(typed)).toBe(iso));
});

describe("lookup codes", () => {
  it("accepts a dossier code and a pre-registration code typed loosely", () => {
    expect(readLookupCode(" 000.00.01.h29-240115-0001 ")).toEqual({
      ok: true,
      kind: "dossier",
      code: "000.00.01.H29-240115-0001",
    });
    const pre = readLookupCode("k7m 4x9");
    expect(pre.ok).toBe(false);
  });
  it("explains a wrong code instead of searching for it", () => {
    const r = readLookupCode("ABC");
    expect(r).toEqual({ ok: false, error: "Mã đăng ký trước gồm 8 ký tự, ví dụ K7M-4X9-RN. Vui lòng kiểm tra lại." });
    expect(readLookupCode("")).toEqual({ ok: false, error: "Vui lòng nhập mã hồ sơ hoặc mã khai trước." });
  });
});

/** jsdom has no fetch Response; the client reads only status, ok and text(). */
function respond(status: number, body: unknown): Response {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return { status, ok: status >= 200 && status < 300, text: async () => text } as Response;
}

describe("HTTP errors", () => {
  it("keeps the server's Vietnamese message and field errors", () => {
    const e = parseErrorBody(
      422,
      JSON.stringify({
        error: {
          code: "form_incomplete",
          message: "Tờ khai chưa đủ",
          detail: "incomplete",
          fields: [{ path: "formData.purpose", message: "Vui lòng nhập mục đích" }],
        },
      }),
    );
    expect(e).toEqual({
      status: 422,
      code: "form_incomplete",
      message: "Tờ khai chưa đủ",
      detail: "incomplete",
      fields: [{ path: "formData.purpose", message: "Vui lòng nhập mục đích" }],
    });
  });
  it("gives a Vietnamese message for a bare 5xx page", () => {
    expect(parseErrorBody(502, "<html>Bad gateway</html>").message).toBe(
      "Máy chủ đang bận. Vui lòng thử lại sau ít phút.",
    );
  });
  it("reports a dropped connection as status 0 with a message that the input is kept", async () => {
    const offline: Fetch = async () => {
      throw new TypeError("Failed to fetch");
    };
    const r = await requestJson(offline, "http://localhost/api/units");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.status).toBe(0);
      expect(r.error.message).toContain("vẫn được giữ trên máy");
    }
  });
  it("registers a device token once, sends it, and gets a new one after a 401", async () => {
    const storage = memoryStorage();
    const seen: string[] = [];
    let issued = 0;
    const fetchFn: Fetch = async (url, init) => {
      const auth = (init?.headers as Record<string, string>).Authorization ?? "";
      seen.push(`${init?.method ?? "GET"} ${url.replace("http://x/api", "")} ${auth}`);
      if (url.endsWith("/citizens/device"))
        return respond(201, { token: `t${++issued}`, tokenType: "Bearer", citizenId: "c" });
      if (auth === "Bearer t1")
        return respond(401, {
          error: { code: "invalid_device_token", message: "Mã thiết bị không hợp lệ", detail: "" },
        });
      return respond(200, { items: [] });
    };
    const open = createApiClient({ baseUrl: "http://x/api", fetch: fetchFn });
    const api = createApiClient({
      baseUrl: "http://x/api",
      fetch: fetchFn,
      auth: deviceAuth(storage, () => open.registerDevice()),
    });
    const r = await api.listMyPreRegistrations();
    expect(r).toEqual({ ok: true, value: { items: [] } });
    expect(seen).toEqual([
      "POST /citizens/device ",
      "GET /pre-registrations?mine=1 Bearer t1",
      "POST /citizens/device ",
      "GET /pre-registrations?mine=1 Bearer t2",
    ]);
    expect(storage.getItem(DEVICE_TOKEN_KEY)).toBe("t2");
  });
});
