/**
 * /console/api/zalo: what an officer does with Zalo from the console.
 * - A citizen without Zalo at hand gives a phone number at the counter, agreeing to result messages on it: the
 *   counter officer records it on the dossier's applicant (consent and source kept, audited), or erases it.
 * - An officer links their own Zalo account on the OA for leader alerts: the console shows a code, the officer sends
 *   it to the OA from Zalo (the webhook links the sender's OA user id).
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { maskPhone } from "../../../shared/api/citizens.js";
import type { Deps } from "../deps.js";
import { eraseCitizenPhone, readCitizenPhone, saveCitizenPhone } from "../store/citizen-phone.js";
import { createCounterApplicant } from "../store/citizens.js";
import { findDossierApplicant } from "../store/dossiers.js";
import { issueOaLinkCode, oaLinkState, unlinkOa } from "../store/officer-oa-link.js";
import { normalizePhone } from "../zalo/oa-requests.js";
import { sendError } from "../http/api-error.js";
import type { Officer } from "../../../shared/officers/officer.js";
import { may, refusalOf } from "../../../shared/officers/permissions.js";

const officerOf = (req: Request): Officer => req.console!.officer;
/** Who records a phone at the counter: the officers who receive dossiers there. */

const PhoneBody = z.object({
  phone: z
    .string()
    .trim()
    .max(20)
    .refine((p) => normalizePhone(p) !== undefined, "Số di động chưa đúng (ví dụ 0912 345 678)."),
  consent: z.literal(true, { error: "Cần người dân đồng ý nhận tin nhắn kết quả qua số điện thoại này." }),
});

export function consoleZaloRoutes(deps: Deps): Router {
  const r = Router();
  const now = () => deps.clock.now();

  async function dossierOf(req: Request, res: Response) {
    const officer = officerOf(req);
    if (!may(officer, "dossier.phone")) {
      sendError(res, { code: "forbidden", message: refusalOf("dossier.phone") });
      return undefined;
    }
    const dossier = await findDossierApplicant(deps.db, String(req.params.dossierId));
    if (!dossier || dossier.receiving_unit_id !== officer.unitId) {
      sendError(res, { code: "dossier_not_in_unit" });
      return undefined;
    }
    return { officer, dossier };
  }

  r.get("/dossiers/:dossierId/phone", async (req: Request, res: Response) => {
    const found = await dossierOf(req, res);
    if (!found) return;
    const phone = found.dossier.citizen_id ? await readCitizenPhone(deps.db, found.dossier.citizen_id) : null;
    res
      .set("Cache-Control", "no-store")
      .json({ phone: phone && { masked: maskPhone(phone.phone), consentAt: phone.consentAt, source: phone.source } });
  });

  r.put("/dossiers/:dossierId/phone", async (req: Request, res: Response) => {
    const found = await dossierOf(req, res);
    if (!found) return;
    const body = PhoneBody.safeParse(req.body ?? {});
    if (!body.success) {
      return sendError(res, {
        code: "invalid_body",
        fields: body.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      });
    }
    const at = now().toISOString();
    let citizenId = found.dossier.citizen_id;
    if (!citizenId) {
      // An applicant known only at the counter: a citizen row holding nothing but this number.
      citizenId = await createCounterApplicant(deps.db, found.dossier.id, at);
    }
    const phone = normalizePhone(body.data.phone)!;
    await saveCitizenPhone(
      deps.db,
      citizenId,
      { phone, consentAt: at, source: "counter" },
      { kind: "officer", id: found.officer.id },
      "Người dân đồng ý tại Bộ phận Một cửa nhận tin nhắn kết quả qua số điện thoại",
    );
    res.json({ phone: { masked: maskPhone(phone), consentAt: at, source: "counter" } });
  });

  r.delete("/dossiers/:dossierId/phone", async (req: Request, res: Response) => {
    const found = await dossierOf(req, res);
    if (!found) return;
    if (found.dossier.citizen_id) {
      await eraseCitizenPhone(
        deps.db,
        found.dossier.citizen_id,
        { kind: "officer", id: found.officer.id },
        now().toISOString(),
        "Người dân rút lại đồng ý nhận tin nhắn qua số điện thoại",
      );
    }
    res.status(204).end();
  });

  r.get("/oa-link", async (req: Request, res: Response) => {
    res.set("Cache-Control", "no-store").json({
      ...(await oaLinkState(deps.db, officerOf(req).id, now().toISOString())),
      oaId: deps.config.ZALO_OA_ID ?? null,
    });
  });

  r.post("/oa-link/code", async (req: Request, res: Response) => {
    const issued = await issueOaLinkCode(deps.db, officerOf(req).id, now().getTime());
    res.set("Cache-Control", "no-store").json({ ...issued, oaId: deps.config.ZALO_OA_ID ?? null });
  });

  r.delete("/oa-link", async (req: Request, res: Response) => {
    await unlinkOa(deps.db, officerOf(req).id);
    res.status(204).end();
  });

  return r;
}
