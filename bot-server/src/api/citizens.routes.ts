/** Citizen identity routes: an anonymous device token for use outside Zalo, and "who am I". */
import { CitizenMe, DeviceTokenResponse } from "../../../shared/api/citizens.js";
import { ConsentNotice, CONSENT_NOTICE } from "../../../shared/api/consent.js";
import { route } from "../http/route-table.js";
import { findCitizen } from "../store/citizens.js";

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
    errors: ["unauthenticated", "invalid_device_token", "invalid_zalo_token", "identity_unavailable", "zalo_not_configured"],
    async handler({ citizen }, deps) {
      const row = await findCitizen(deps.db, citizen.citizenId);
      if (!row) return { ok: false, code: "unauthenticated" };
      return { ok: true, value: { citizenId: row.id, identity: row.kind, createdAt: row.createdAt } };
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
