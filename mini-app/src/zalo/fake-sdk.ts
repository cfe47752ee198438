/**
 * A deterministic stand-in for Zalo, used in tests, in a plain browser and with `?fake-zalo=1`.
 * It records every call so tests can assert that the app asked for notifications at the right moment
 * (and never at launch). Its scanner returns a configurable payload; null means "no camera here".
 */
import { browserStorage, fail, ok, searchParams } from "./bridge.js";
import type { BridgeResult, DeviceStorage, NetworkType, ZaloBridge, ZaloUser } from "./bridge.js";

/** Synthetic chip-ID QR (docs/domain/personal-data.md#cccd-qr-payload); never a real person's data. */
export const SYNTHETIC_CCCD_QR =
  "067085000001|245000001|Nguyễn Văn Thử|15061985|Nam|Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông|20042021";

/** What the fake getPhoneNumber() returns: a token, never a number (the server exchanges it). */
export const FAKE_PHONE_TOKEN = "FAKE-PHONE-TOKEN";

export const FAKE_USER: ZaloUser = { id: "5000000000000000001", name: "Người dùng thử", followedOA: false };

export interface FakeZaloOptions {
  /** What scanQRCode returns; null → the host has no scanner (a plain browser). */
  scanPayload?: string | null;
  storage?: DeviceStorage;
  search?: string;
  /** Answer of followOA / requestSendNotification: "ok" or a refusal. */
  permission?: "ok" | "denied";
  network?: NetworkType;
  /** false in a plain browser: there is no OA to follow and no Zalo notification channel. */
  notify?: boolean;
  /**
   * A Zalo access token to hand out, as Zalo does inside its app: the app then signs its calls with it and the
   * server checks it with the Graph API (a test points the server at a local Graph stand-in). Unset: no token,
   * so the app falls back to a device token.
   */
  accessToken?: string;
}

export interface FakeCall {
  api: string;
  args: unknown[];
}

export interface FakeZalo extends ZaloBridge {
  calls: FakeCall[];
  setScanPayload(payload: string | null): void;
  setPermission(answer: "ok" | "denied"): void;
  setNetwork(network: NetworkType): void;
}

export function createFakeZalo(options: FakeZaloOptions = {}): FakeZalo {
  let scanPayload = options.scanPayload === undefined ? SYNTHETIC_CCCD_QR : options.scanPayload;
  let permission = options.permission ?? "ok";
  let network = options.network ?? "wifi";
  let followed = false;
  const calls: FakeCall[] = [];
  const record = (api: string, ...args: unknown[]) => void calls.push({ api, args });
  const permitted = (api: string): BridgeResult<void> =>
    permission === "ok" ? ok(undefined) : fail("denied", `${api}: user refused`, -201);

  const fake: FakeZalo = {
    kind: "fake",
    capabilities: {
      scan: scanPayload !== null,
      notify: options.notify ?? true,
      zaloIdentity: options.accessToken !== undefined,
    },
    calls,
    getAccessToken: async () => {
      record("getAccessToken");
      if (options.accessToken !== undefined) return ok(options.accessToken);
      return fail("unsupported", "getAccessToken: not inside Zalo");
    },
    getUserInfo: async () => {
      record("getUserInfo");
      return ok({ ...FAKE_USER, followedOA: followed });
    },
    scanQRCode: async () => {
      record("scanQRCode");
      if (scanPayload === null) return fail("unsupported", "scanQRCode: no scanner in this browser");
      return ok(scanPayload);
    },
    followOA: async (id) => {
      record("followOA", id);
      const r = permitted("followOA");
      if (r.ok) followed = true;
      return r;
    },
    requestSendNotification: async () => {
      record("requestSendNotification");
      return permitted("requestSendNotification");
    },
    getPhoneNumber: async () => {
      record("getPhoneNumber");
      const r = permitted("getPhoneNumber");
      return r.ok ? ok(FAKE_PHONE_TOKEN) : r;
    },
    openChat: async (id, message) => {
      record("openChat", id, message);
      return ok(undefined);
    },
    getNetworkType: async () => {
      record("getNetworkType");
      return ok(network);
    },
    getLaunchParams: () => searchParams(options.search ?? ""),
    storage: options.storage ?? browserStorage(),
    setScanPayload(payload) {
      scanPayload = payload;
      fake.capabilities = { ...fake.capabilities, scan: payload !== null };
    },
    setPermission(answer) {
      permission = answer;
    },
    setNetwork(next) {
      network = next;
    },
  };
  return fake;
}
