/** Which channel may carry a notification (docs/zalo.md#channel-choice): OA message in the 7-day window, mini-app after opt-in, ZNS with phone consent. */
import { describe, expect, it } from "@jest/globals";
import { chooseChannels, type RecipientFacts } from "../../shared/notify/channels.js";

const NOW = Date.parse("2025-10-15T09:00:00+07:00");
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();
const everything: RecipientFacts = {
  oaUserId: "2468458835296197922",
  oaLastInteractionAt: daysAgo(2),
  zaloUserId: "5000000000000000001",
  notifyOptInAt: daysAgo(30),
  miniAppOpenedAt: daysAgo(1),
  phone: "0912345678",
  phoneConsentAt: daysAgo(30),
};

describe("chooseChannels", () => {
  it.each<[string, RecipientFacts, string[]]>([
    ["an applicant reachable everywhere: OA first, then mini-app, then ZNS", everything, ["oa_cs", "miniapp", "zns"]],
    [
      "interaction 6 days 23 hours ago: still inside the CS window",
      { ...everything, oaLastInteractionAt: new Date(NOW - 7 * 86_400_000 + 3_600_000).toISOString() },
      ["oa_cs", "miniapp", "zns"],
    ],
    [
      "interaction exactly 7 days ago: window closed (-230 otherwise)",
      { ...everything, oaLastInteractionAt: daysAgo(7) },
      ["miniapp", "zns"],
    ],
    ["OA follower who never interacted", { ...everything, oaLastInteractionAt: undefined }, ["miniapp", "zns"]],
    [
      "an interaction time in the future (a wrong clock) does not open the window",
      { ...everything, oaLastInteractionAt: daysAgo(-1) },
      ["miniapp", "zns"],
    ],
    ["no mini-app permission", { ...everything, notifyOptInAt: undefined }, ["oa_cs", "zns"]],
    [
      "a phone number without consent is never used",
      { ...everything, phoneConsentAt: undefined },
      ["oa_cs", "miniapp"],
    ],
    ["nothing known: nothing to send (the officer sees “not notified”)", {}, []],
  ])("%s", (_what, facts, expected) => {
    expect(chooseChannels(facts, NOW)).toEqual(expected);
  });

  it("keeps Zalo's order whatever order the channels are enabled in, and drops channels not in use", () => {
    expect(chooseChannels(everything, NOW, ["zns", "oa_cs"])).toEqual(["oa_cs", "zns"]);
  });

  it("an officer (leader alert) with an OA id is tried by OA message: Zalo itself says when the window is closed", () => {
    expect(chooseChannels({ oaUserId: "2468458835296197922", interactionUnknown: true }, NOW)).toEqual(["oa_cs"]);
  });
});
