/** @jest-environment jsdom */
import { describe, expect, it, jest } from "@jest/globals";
import { memoryStorage } from "../../mini-app/src/zalo/bridge.js";
import { createFakeZalo, SYNTHETIC_CCCD_QR } from "../../mini-app/src/zalo/fake-sdk.js";
import { isInsideZalo, withTimeout } from "../../mini-app/src/zalo/sdk.js";

describe("fake Zalo bridge", () => {
  it("scans the configured synthetic CCCD payload, the same every time", async () => {
    const zalo = createFakeZalo({ storage: memoryStorage() });
    const a = await zalo.scanQRCode();
    const b = await zalo.scanQRCode();
    expect(a).toEqual({ ok: true, value: SYNTHETIC_CCCD_QR });
    expect(b).toEqual(a);
    expect(zalo.capabilities.scan).toBe(true);
  });

  it("reports no scanner in a plain browser, and the payload can be changed by a test", async () => {
    const zalo = createFakeZalo({ scanPayload: null, storage: memoryStorage() });
    expect(zalo.capabilities.scan).toBe(false);
    const r = await zalo.scanQRCode();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("unsupported");
    zalo.setScanPayload("https://example.com/not-a-card");
    expect(zalo.capabilities.scan).toBe(true);
    expect(await zalo.scanQRCode()).toEqual({ ok: true, value: "https://example.com/not-a-card" });
  });

  it("records every call so tests can check nothing is asked at launch", async () => {
    const zalo = createFakeZalo({ storage: memoryStorage() });
    expect(zalo.calls).toEqual([]);
    await zalo.requestSendNotification();
    await zalo.followOA("oa-1");
    expect(zalo.calls.map((c) => c.api)).toEqual(["requestSendNotification", "followOA"]);
    expect(zalo.calls[1]!.args).toEqual(["oa-1"]);
  });

  it("answers a refused permission with Zalo's -201 as a 'denied' result, never a throw", async () => {
    const zalo = createFakeZalo({ storage: memoryStorage(), permission: "denied" });
    const r = await zalo.requestSendNotification();
    expect(r).toEqual({
      ok: false,
      error: { code: "denied", detail: "requestSendNotification: user refused", sdkCode: -201 },
    });
  });

  it("gives no Zalo access token outside Zalo, so the app falls back to a device token", async () => {
    const zalo = createFakeZalo({ storage: memoryStorage() });
    expect(zalo.capabilities.zaloIdentity).toBe(false);
    const r = await zalo.getAccessToken();
    expect(r.ok).toBe(false);
  });

  it("hands out a configured Zalo access token as Zalo does, so the app signs its calls with it", async () => {
    const zalo = createFakeZalo({ storage: memoryStorage(), accessToken: "AT-test" });
    expect(zalo.capabilities.zaloIdentity).toBe(true);
    expect(await zalo.getAccessToken()).toEqual({ ok: true, value: "AT-test" });
  });

  it("keeps what is stored on the device", () => {
    const zalo = createFakeZalo({ storage: memoryStorage() });
    zalo.storage.setItem("k", "giá trị");
    expect(zalo.storage.getItem("k")).toBe("giá trị");
    zalo.storage.removeItem("k");
    expect(zalo.storage.getItem("k")).toBeNull();
  });

  it("reads deep-link parameters from the launch URL", () => {
    const zalo = createFakeZalo({ storage: memoryStorage(), search: "?unit=24631&fake-zalo=1" });
    expect(zalo.getLaunchParams()).toEqual({ unit: "24631", "fake-zalo": "1" });
  });
});

describe("real bridge helpers", () => {
  it("turns an SDK call that never settles into a timeout result", async () => {
    jest.useFakeTimers();
    try {
      const pending = withTimeout(new Promise<string>(() => undefined), 8000, "scanQRCode");
      jest.advanceTimersByTime(8000);
      const r = await pending;
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("timeout");
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([
    [-201, "denied"],
    [-2003, "cancelled"],
    [-1404, "unsupported"],
    [-2000, "failed"],
  ])("maps the SDK's error code %i to %s", async (code, kind) => {
    const r = await withTimeout(Promise.reject({ code, message: "x" }), 1000, "followOA");
    expect(r).toEqual({ ok: false, error: { code: kind, detail: "followOA: x", sdkCode: code } });
  });

  it.each([
    [{ hostname: "h5.zdn.vn", pathname: "/zapps/123/", search: "" }, true],
    [{ hostname: "localhost", pathname: "/m/", search: "?env=TESTING" }, true],
    [{ hostname: "h5.zdn.vn", pathname: "/zapps/123/", search: "?fake-zalo=1" }, false],
    [{ hostname: "localhost", pathname: "/m/", search: "?unit=24631" }, false],
    [{ hostname: "khonghen.example.vn", pathname: "/m/", search: "" }, false],
  ])("decides whether it runs inside Zalo: %j → %s", (loc, inside) => {
    expect(isInsideZalo(loc)).toBe(inside);
  });
});
