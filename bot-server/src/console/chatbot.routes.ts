/**
 * /console/api/chatbot: the chatbot as the console sees it.
 * - GET/PUT /area: the OA's area (the province, or one unit) the chatbot answers from when a citizen names no
 *   commune. Every officer reads it; a unit administrator sets it to their unit or its province (audited).
 * - GET /units, POST /try: "Thử chatbot": an officer types a message, picks a unit, and sees exactly the reply a citizen
 *   would get (text and buttons) with what was understood. Nothing is sent and nothing about a citizen is read.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { composeReply, welcomeReply, type ChatReply } from "../../../shared/chatbot/compose-reply.js";
import { createUnderstand, type Understand } from "../../../shared/chatbot/understand.js";
import type { AdminUnit } from "../../../shared/model.js";
import { toVnMoment } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import { readChatbotArea, writeChatbotArea } from "../store/chatbot-area.js";
import { listOfficeContacts } from "../store/unit-contacts.js";
import { sendError } from "../http/api-error.js";
import type { Officer } from "../../../shared/officers/officer.js";
import { may, refusalOf } from "../../../shared/officers/permissions.js";

const AreaBody = z.object({ unitId: z.string().min(1).max(100).nullable() });
const TryBody = z.object({
  text: z.string().trim().min(1, "Nhập câu hỏi của người dân.").max(1000, "Câu hỏi tối đa 1.000 ký tự."),
  unitId: z.string().min(1).max(100).nullable().optional(),
  /** "welcome": the message a new follower gets. */
  event: z.enum(["text", "follow"]).optional(),
});

interface UnitChoice {
  unitId: string;
  name: string;
  level: string;
}

export function consoleChatbotRoutes(deps: Deps): Router {
  const r = Router();
  let understand: Understand | undefined;
  let understandFor: Deps["domain"] | undefined;
  const today = () => toVnMoment(deps.clock.now().toISOString())!.date;
  const choice = (u: AdminUnit): UnitChoice => ({
    unitId: u.id,
    name: deps.domain.units.displayName(u),
    level: u.level,
  });

  /** The officer's unit (as in force today) and its province. */
  function ownUnits(officer: Officer): AdminUnit[] {
    const units = deps.domain.units;
    if (!officer.unitId) return [];
    const own = units.byId(officer.unitId);
    if (!own) return [];
    const current = units.isInForce(own, today()) ? own : units.successorsAt(own.id, today())[0];
    if (!current) return [];
    const province = current.level === "province" ? undefined : units.provinceOf(current);
    return province ? [current, province] : [current];
  }

  /** Units to try the chatbot for: the province's one-stops (every unit for a province viewer), the province first. */
  function tryUnits(officer: Officer): UnitChoice[] {
    const units = deps.domain.units;
    const date = today();
    const provinces =
      officer.role === "province_viewer" || !officer.unitId
        ? units.units.filter((u) => u.level === "province" && units.isInForce(u, date))
        : ownUnits(officer).filter((u) => u.level === "province");
    const out: UnitChoice[] = [];
    const walk = (id: string) => {
      for (const child of units.childrenOf(id, date)) {
        out.push(choice(child));
        if (child.level === "district") walk(child.id);
      }
    };
    for (const p of provinces) {
      out.push(choice(p));
      walk(p.id);
    }
    return out;
  }

  r.get("/area", async (req: Request, res: Response) => {
    const officer = req.console!.officer;
    const area = await readChatbotArea(deps.db);
    const unit = area.unitId ? deps.domain.units.byId(area.unitId) : undefined;
    res.set("Cache-Control", "no-store").json({
      unitId: area.unitId,
      name: unit ? deps.domain.units.displayName(unit) : null,
      updatedAt: area.updatedAt,
      canEdit: may(officer, "chatbot.edit_area"),
      choices: may(officer, "chatbot.edit_area") ? ownUnits(officer).map(choice) : [],
    });
  });

  r.put("/area", async (req: Request, res: Response) => {
    const officer = req.console!.officer;
    if (!may(officer, "chatbot.edit_area"))
      return sendError(res, { code: "forbidden", message: refusalOf("chatbot.edit_area") });
    const body = AreaBody.safeParse(req.body ?? {});
    if (!body.success)
      return sendError(res, {
        code: "invalid_body",
        fields: body.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      });
    const allowed = ownUnits(officer).map((u) => u.id);
    if (body.data.unitId !== null && !allowed.includes(body.data.unitId)) {
      return sendError(res, {
        code: "invalid_body",
        message: "Chỉ chọn được đơn vị của mình hoặc tỉnh của đơn vị.",
        fields: [{ path: "unitId", message: "Chỉ chọn được đơn vị của mình hoặc tỉnh của đơn vị." }],
      });
    }
    const now = deps.clock.now().toISOString();
    const before = await readChatbotArea(deps.db);
    await writeChatbotArea(deps.db, { unitId: body.data.unitId }, now, officer.id);
    await writeAudit(deps.db, {
      at: now,
      actorKind: "officer",
      actorId: officer.id,
      action: "update",
      subjectKind: "chatbot_setting",
      subjectId: "chatbot_area",
      fields: ["unitId"],
      reason: `Khu vực chatbot: ${before.unitId ?? "chưa đặt"} → ${body.data.unitId ?? "chưa đặt"}`,
    });
    const unit = body.data.unitId ? deps.domain.units.byId(body.data.unitId) : undefined;
    res.json({
      unitId: body.data.unitId,
      name: unit ? deps.domain.units.displayName(unit) : null,
      updatedAt: now,
      canEdit: true,
      choices: ownUnits(officer).map(choice),
    });
  });

  r.get("/units", async (req: Request, res: Response) => {
    const officer = req.console!.officer;
    const area = await readChatbotArea(deps.db);
    const own = ownUnits(officer)[0];
    res
      .set("Cache-Control", "no-store")
      .json({ units: tryUnits(officer), defaultUnitId: own?.id ?? area.unitId ?? null });
  });

  r.post("/try", async (req: Request, res: Response) => {
    const body = TryBody.safeParse(req.body ?? {});
    if (!body.success)
      return sendError(res, {
        code: "invalid_body",
        fields: body.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      });
    const officer = req.console!.officer;
    const picked = body.data.unitId ?? null;
    if (picked !== null && !tryUnits(officer).some((u) => u.unitId === picked)) {
      return sendError(res, {
        code: "invalid_body",
        message: "Đơn vị không có trong danh sách.",
        fields: [{ path: "unitId", message: "Đơn vị không có trong danh sách." }],
      });
    }
    if (understandFor !== deps.domain) {
      understand = createUnderstand({ units: deps.domain.units, catalog: deps.domain.catalog });
      understandFor = deps.domain;
    }
    const c = deps.config;
    const context = {
      at: deps.clock.now().toISOString(),
      units: deps.domain.units,
      catalog: deps.domain.catalog,
      scheme: deps.domain.scheme,
      calendar: deps.domain.calendar,
      links: { publicBaseUrl: c.PUBLIC_BASE_URL, ...(c.ZALO_MINIAPP_ID ? { miniAppId: c.ZALO_MINIAPP_ID } : {}) },
      // The picked unit stands for the OA's area: the reply a citizen of an OA of that unit would get.
      areaUnitId: picked,
      contacts: await listOfficeContacts(deps.db),
    };
    if (body.data.event === "follow")
      return res.json({ intent: "follow", understood: {}, reply: shape(welcomeReply(context)) });
    const understood = understand!(body.data.text);
    const reply = composeReply(understood, understood.dossierCode ? { ...context, dossier: null } : context);
    res.json({ intent: understood.intent, understood, reply: shape(reply) });
  });
  return r;
}

const shape = (r: ChatReply) => ({
  text: r.text,
  buttons: r.buttons,
  ...(r.needsHuman ? { needsHuman: true } : {}),
  ...(r.feedback ? { recordsFeedback: r.feedback.kind } : {}),
});
