/**
 * /console/api/office-contact: the telephone and address of the unit's one-stop office, which the chatbot gives to
 * a citizen who asks for an officer or for the office. Every officer of the unit reads it; the unit administrator
 * changes it.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Deps } from "../deps.js";
import { readOfficeContact, writeOfficeContact } from "../store/unit-contacts.js";
import { sendError } from "../http/api-error.js";
import { may, refusalOf } from "../../../shared/officers/permissions.js";

/** As dialled in Việt Nam: 0 or +84, then 9–10 digits; spaces and dots allowed between groups. */
const PHONE = /^(?:0|\+84)(?:[ .]?\d){9,10}$/;

const ContactBody = z.object({
  phone: z
    .string()
    .trim()
    .max(20)
    .refine((p) => p === "" || PHONE.test(p), "Số điện thoại chưa đúng (ví dụ 0261 3544 123 hoặc 0912 345 678).")
    .transform((p) => p || null),
  address: z
    .string()
    .trim()
    .max(300, "Địa chỉ tối đa 300 ký tự.")
    .transform((a) => a.normalize("NFC") || null),
});

export function consoleOfficeContactRoutes(deps: Deps): Router {
  const r = Router();
  r.get("/", async (req: Request, res: Response) => {
    const unitId = req.console!.officer.unitId;
    if (!unitId) return sendError(res, { code: "unit_unknown" });
    const contact = await readOfficeContact(deps.db, unitId);
    res.set("Cache-Control", "no-store").json(contact ?? { phone: null, address: null, updatedAt: null });
  });
  r.put("/", async (req: Request, res: Response) => {
    const officer = req.console!.officer;
    if (!may(officer, "office_contact.edit") || !officer.unitId) {
      return sendError(res, { code: "forbidden", message: refusalOf("office_contact.edit") });
    }
    const body = ContactBody.safeParse(req.body ?? {});
    if (!body.success) {
      return sendError(res, {
        code: "invalid_body",
        fields: body.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      });
    }
    const now = deps.clock.now().toISOString();
    await writeOfficeContact(deps.db, officer.unitId, body.data, now, officer.id);
    res.json({ ...body.data, updatedAt: now });
  });
  return r;
}
