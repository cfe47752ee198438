/**
 * "Nhận tin nhắn kết quả qua số điện thoại": the Mini App sends the token of zmp-sdk getPhoneNumber() with the
 * citizen's agreement; the server exchanges it with Zalo at once (the token lasts about 2 minutes and works once,
 * https://mini.zalo.me/documents/api/getPhoneNumber/) and keeps the number as personal data for ZNS result
 * messages. DELETE erases it. The number itself never leaves the server again: answers show it masked.
 */
import { CitizenPhone, maskPhone, PhoneFromZalo } from "../../../shared/api/citizens.js";
import { route } from "../http/route-table.js";
import { eraseCitizenPhone, saveCitizenPhone } from "../store/citizen-phone.js";
import { normalizePhone } from "../zalo/oa-requests.js";

const AUTH_ERRORS = [
  "unauthenticated",
  "invalid_device_token",
  "invalid_zalo_token",
  "identity_unavailable",
  "zalo_not_configured",
] as const;

export const citizenPhoneRoutes = [
  route({
    method: "post",
    path: "/citizens/me/phone",
    tag: "Citizens",
    summary: "Keep the citizen's Zalo phone number for result messages (with consent)",
    description:
      "Body: the token of zmp-sdk `getPhoneNumber()` and `consent: true`. Only inside Zalo (`X-Zalo-Access-Token`).",
    auth: "citizen",
    body: PhoneFromZalo,
    response: { status: 200, schema: CitizenPhone, description: "The number kept, masked" },
    errors: [
      ...AUTH_ERRORS,
      "phone_needs_zalo",
      "phone_token_invalid",
      "phone_not_vietnamese",
      "invalid_body",
      "malformed_json",
      "unsupported_media_type",
      "rate_limited",
    ],
    async handler({ citizen, body, req }, deps) {
      const accessToken = req.get("x-zalo-access-token")?.trim();
      if (citizen.kind !== "zalo" || !accessToken) return { ok: false, code: "phone_needs_zalo" };
      if (!deps.zaloGraph) return { ok: false, code: "zalo_not_configured" };
      const got = await deps.zaloGraph.phoneNumber(accessToken, body.phoneToken);
      if (!got.ok) {
        if (got.reason === "unavailable") deps.log.warn({ reason: got.detail }, "zalo graph unavailable (phone)");
        return { ok: false, code: got.reason === "unavailable" ? "identity_unavailable" : "phone_token_invalid" };
      }
      const phone = normalizePhone(got.number);
      if (!phone) return { ok: false, code: "phone_not_vietnamese" };
      const consentAt = deps.clock.now().toISOString();
      const saved = await saveCitizenPhone(
        deps.db,
        citizen.citizenId,
        { phone, consentAt, source: "zalo" },
        { kind: "citizen", id: citizen.citizenId },
        "Người dân đồng ý nhận tin nhắn kết quả qua số điện thoại Zalo",
      );
      if (!saved) return { ok: false, code: "unauthenticated" };
      return { ok: true, value: { masked: maskPhone(phone), consentAt, source: "zalo" as const } };
    },
  }),
  route({
    method: "delete",
    path: "/citizens/me/phone",
    tag: "Citizens",
    summary: "Erase the citizen's phone number and the consent to result messages",
    auth: "citizen",
    response: { status: 204, description: "Erased (or there was none)" },
    errors: [...AUTH_ERRORS, "rate_limited"],
    async handler({ citizen }, deps) {
      await eraseCitizenPhone(
        deps.db,
        citizen.citizenId,
        { kind: "citizen", id: citizen.citizenId },
        deps.clock.now().toISOString(),
        "Người dân xóa số điện thoại nhận tin nhắn kết quả",
      );
      return { ok: true, value: undefined };
    },
  }),
];
