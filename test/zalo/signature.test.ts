import { describe, expect, it } from "@jest/globals";
import { parseZaloEvent } from "../../bot-server/src/zalo/events.js";
import { computeSignature, verifySignature } from "../../bot-server/src/zalo/signature.js";
import { zaloEvent } from "../helpers/zalo-openapi-stand-in.js";

// docs/zalo.md#oa-webhook test vector.
const APP_ID = "1234567890123456789";
const OA_ID = "388613280878808645";
const SECRET = "TEST_OA_SECRET_KEY";
const BODY =
  '{"app_id":"1234567890123456789","sender":{"id":"2468458835296197922"},"user_id_by_app":"552177279717587730","recipient":{"id":"388613280878808645"},"event_name":"user_send_text","message":{"text":"thủ tục khai sinh","msg_id":"96d3cdf3af150460909"},"timestamp":"1732700000000"}';
const MAC = "111141625da1d3b7c976b0e340f596ef25fdb64ccc2c3fb7cdc561ec6b9ccab2";

describe("X-ZEvent-Signature", () => {
  it("is sha256(appId + raw body + timestamp + OA secret key), as the reference vector", () => {
    expect(computeSignature(APP_ID, Buffer.from(BODY, "utf8"), "1732700000000", SECRET)).toBe(MAC);
  });

  it("accepts the header with or without mac=, in any case", () => {
    const keys = { appId: APP_ID, oaSecretKey: SECRET };
    const raw = Buffer.from(BODY, "utf8");
    expect(verifySignature(`mac=${MAC}`, raw, "1732700000000", keys)).toEqual({ ok: true, matched: "app_id" });
    expect(verifySignature(MAC.toUpperCase(), raw, "1732700000000", keys)).toEqual({ ok: true, matched: "app_id" });
  });

  it("refuses another body, timestamp or key, a short header, and no header", () => {
    const keys = { appId: APP_ID, oaSecretKey: SECRET };
    const raw = Buffer.from(BODY, "utf8");
    expect(
      verifySignature(`mac=${MAC}`, Buffer.from(BODY.replace("khai sinh", "khai tử"), "utf8"), "1732700000000", keys)
        .ok,
    ).toBe(false);
    expect(verifySignature(`mac=${MAC}`, raw, "1732700000001", keys).ok).toBe(false);
    expect(
      verifySignature(`mac=${MAC}`, raw, "1732700000000", { appId: APP_ID, oaSecretKey: "TEST_APP_SECRET" }).ok,
    ).toBe(false);
    expect(verifySignature("mac=abc", raw, "1732700000000", keys)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(undefined, raw, "1732700000000", keys)).toEqual({ ok: false, reason: "missing" });
  });

  it("also accepts the OA id as first term when configured (a variant reported by community code)", () => {
    const raw = Buffer.from(BODY, "utf8");
    const mac = computeSignature(OA_ID, raw, "1732700000000", SECRET);
    expect(verifySignature(mac, raw, "1732700000000", { appId: APP_ID, oaSecretKey: SECRET }).ok).toBe(false);
    expect(verifySignature(mac, raw, "1732700000000", { appId: APP_ID, oaId: OA_ID, oaSecretKey: SECRET })).toEqual({
      ok: true,
      matched: "oa_id",
    });
  });
});

describe("webhook payloads", () => {
  it("reads the user id from sender, follower or user_id, and keeps ids as strings", () => {
    const text = parseZaloEvent(JSON.parse(BODY));
    expect(text).toEqual({
      ok: true,
      event: {
        kind: "text",
        name: "user_send_text",
        eventId: "msg:96d3cdf3af150460909",
        userId: "2468458835296197922",
        at: 1732700000000,
        text: "thủ tục khai sinh",
        appUserId: "552177279717587730",
      },
    });
    expect(
      parseZaloEvent(zaloEvent.follow({ userId: "2468458835296197922", timestamp: "1732700002000" })),
    ).toMatchObject({
      ok: true,
      event: {
        kind: "follow",
        userId: "2468458835296197922",
        eventId: "follow:1732700002000:2468458835296197922",
        source: "oa_profile",
      },
    });
    expect(parseZaloEvent(zaloEvent.chatNow({ userId: "2468458835296197922" }))).toMatchObject({
      ok: true,
      event: { kind: "chat_opened" },
    });
    expect(parseZaloEvent(zaloEvent.oaSendText({ userId: "1", text: "x" }))).toMatchObject({
      ok: true,
      event: { kind: "echo" },
    });
    expect(parseZaloEvent({ event_name: "user_seen_message", timestamp: "1" })).toMatchObject({
      ok: true,
      event: { kind: "ignored" },
    });
  });

  it("refuses a payload it cannot act on safely", () => {
    expect(parseZaloEvent([]).ok).toBe(false);
    expect(parseZaloEvent({ timestamp: "1" }).ok).toBe(false);
    expect(parseZaloEvent({ event_name: "user_send_text", timestamp: "1", sender: { id: "not-digits" } }).ok).toBe(
      false,
    );
    expect(
      parseZaloEvent({ event_name: "user_send_text", timestamp: "1", sender: { id: Number("2468458835296197922") } })
        .ok,
    ).toBe(false); // lost precision
  });

  it("normalises text to NFC and bounds its length", () => {
    const long = parseZaloEvent(
      zaloEvent.text({ userId: "1", text: "Ngày không hẹn ".normalize("NFD").repeat(500), timestamp: "1" }),
    );
    expect(long.ok && long.event.text!.length).toBe(2000);
    expect(long.ok && long.event.text!.startsWith("Ngày không hẹn")).toBe(true);
  });
});
