/** Citizen identity routes: an anonymous device token for use outside Zalo, and "who am I". */
import { CitizenMe, DeviceTokenResponse, maskPhone, NotificationOptIn } from "../../../shared/api/citizens.js";
import { ConsentNotice, CONSENT_NOTICE } from "../../../shared/api/consent.js";
import { route } from "../http/route-table.js";
import { readCitizenPhone } from "../store/citizen-phone.js";
import { findCitizen, setNotificationOptIn } from "../store/citizens.js";

export const citizenRoutes = [
  route({
    method: "post",
    path: "/citizens/device",
    tag: "Citizens",
    summary: "Issue an anonymous device token (outside Zalo)",
    description: "Send it as `Authorization: Bearer <token>`. The server keeps only its SHA-256 hash.",
    response: { status: 201, schema: DeviceTokenResponse, description: "A new device token" },
    errors: ["rate_limited", "unsupported_media_type"],
    async handler({ auth }) {
      const { token, citizenId } = await auth.issueDeviceToken();
      return { ok: true, value: { token, tokenType: "Bearer" as const, citizenId } };
    },
  }),
  route({
    method: "get",
    path: "/citizens/me",
    tag: "Citizens",
    summary: "The calling citizen",
    auth: "citizen",
    response: { status: 200, schema: CitizenMe, description: "The citizen behind the token" },
    errors: [
      "unauthenticated",
      "invalid_device_token",
      "invalid_zalo_token",
      "identity_unavailable",
      "zalo_not_configured",
    ],
    async handler({ citizen }, deps) {
      const row = await findCitizen(deps.db, citizen.citizenId);
      if (!row) return { ok: false, code: "unauthenticated" };
      const phone = await readCitizenPhone(deps.db, row.id);
      return {
        ok: true,
        value: {
          citizenId: row.id,
          identity: row.kind,
          createdAt: row.createdAt,
          phone: phone && { masked: maskPhone(phone.phone), consentAt: phone.consentAt, source: phone.source },
        },
      };
    },
  }),
  route({
    method: "post",
    path: "/citizens/me/notifications",
    tag: "Citizens",
    summary: "Report the notification permission and the OA follow the mini-app just asked for",
    description:
      "`miniAppNotifications: true` opts in to Mini App notifications (false withdraws it); `followedOA: true` records the follow (an unfollow comes from the OA webhook).",
    auth: "citizen",
    body: NotificationOptIn,
    response: { status: 204, description: "Recorded" },
    errors: [
      "unauthenticated",
      "invalid_device_token",
      "invalid_zalo_token",
      "identity_unavailable",
      "zalo_not_configured",
      "unsupported_media_type",
      "malformed_json",
      "rate_limited",
    ],
    async handler({ citizen, body }, deps) {
      const done = await setNotificationOptIn(deps.db, citizen.citizenId, body, deps.clock.now().toISOString());
      return done ? { ok: true, value: undefined } : { ok: false, code: "unauthenticated" };
    },
  }),
  route({
    method: "get",
    path: "/consent",
    tag: "Citizens",
    summary: "The personal-data notice a citizen accepts before sending personal data",
    response: { status: 200, schema: ConsentNotice, description: "Current notice and its version" },
    errors: [],
    handler: () => ({ ok: true, value: CONSENT_NOTICE }),
  }),
];
