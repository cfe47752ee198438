/**
 * /console/api routes. Every route but session and login needs a signed-in officer; every state change needs the
 * CSRF header (session-auth.ts). Handlers parse with zod, call one use case and map its result.
 */
import { Router, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import { z } from "zod";
import type { ProcedureVersion } from "../../../shared/procedures/procedure-version.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import { writeConsoleSetting } from "../store/console-settings.js";
import { findDossierByCode, findDossierById, type DossierRecord } from "../store/dossiers.js";
import { findPreRegistrationByCode } from "../store/pre-registrations.js";
import { listQueue, QUEUES, todayBoard, type QueueName } from "../use-cases/console-board.js";
import { DiscardDraftBody, discardDraft, openDraftOfPreRegistration } from "../use-cases/console-drafts.js";
import { nowOf, unitOf } from "../use-cases/console-context.js";
import { approveBatch, EventInput, fireDossierEvent, leaderAwayKey } from "../use-cases/fire-dossier-event.js";
import { intakeContext, IntakeInput, missingAlways, MissingDocumentInput } from "../use-cases/intake-input.js";
import { leaderAlertStatus, setAlertMinutes } from "../use-cases/leader-alert.js";
import { PRINTABLE_FORMS, printDossierForm, statusUrlOf, type PrintableForm } from "../use-cases/print-dossier-form.js";
import { readPreRegistrationCode, receiveDossier, refuseAtIntake, requestSupplementAtIntake, saveDraft, DRAFT_CODE_PREFIX } from "../use-cases/receive-dossier.js";
import { viewDossier } from "../use-cases/view-dossier.js";
import { otherUnitFailure, readdressPreRegistration, servesUnit, unitNameOf } from "../use-cases/pre-registration-unit.js";
import { canSeeDossier } from "../../../shared/officers/officer.js";
import { sendError } from "../http/api-error.js";
import type { Failure } from "../../../shared/outcomes.js";
import type { MirrorHub } from "./mirror-hub.js";
import { changePasswordHandler, idleInfo, loginHandler, logoutHandler, requireOfficer, sessionInfo } from "./session-auth.js";
import { may } from "../../../shared/officers/permissions.js";

type Handler = (req: Request, res: Response) => Promise<unknown> | unknown;

function parse<T extends z.ZodType>(schema: T, body: unknown, res: Response): z.infer<T> | undefined {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  sendError(res, { code: "invalid_body", fields: r.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) });
  return undefined;
}

function reply<T>(res: Response, r: { ok: true; value: T } | Failure, map: (v: T) => unknown = (v) => v): void {
  if (!r.ok) return sendError(res, r);
  res.json(map(r.value));
}

const officerOf = (req: Request) => req.console!.officer;

/** The procedure catalogue an officer's unit receives today, with the form definitions the intake screen renders. */
function proceduresFor(deps: Deps, req: Request): ProcedureVersion[] {
  const unit = unitOf(deps, officerOf(req).unitId);
  if (!unit) return [];
  return deps.domain.catalog.receivedAtLevel(unit.level, nowOf(deps).date);
}

const SupplementBody = IntakeInput.extend({ missingDocuments: z.array(MissingDocumentInput).max(30), reason: z.string().max(1000).default("") });
const RefuseBody = IntakeInput.extend({ reasons: z.array(z.string().min(1).max(1000)).max(20) });
const LookupBody = z.object({ code: z.string().min(1).max(1000) });
/** citizenPresent: the officer confirms the citizen stands at the counter and asks to file here. */
const ReaddressBody = z.object({ code: z.string().min(1).max(100), citizenPresent: z.literal(true) });
const LOOKUPS_PER_MINUTE = 30;
const BatchBody = z.object({ ids: z.array(z.string().uuid()).min(1).max(100) });
const MirrorStateBody = z.object({
  title: z.string().max(300),
  fields: z.array(z.object({ label: z.string().max(500), value: z.string().max(2000) })).max(120),
  message: z.string().max(500).optional(),
});

/** A console draft to continue at the intake screen (the read of its form data is audited). */
async function resumeDraft(deps: Deps, officer: ReturnType<typeof officerOf>, d: DossierRecord, at: string) {
  await writeAudit(deps.db, {
    at, actorKind: "officer", actorId: officer.id, action: "read", subjectKind: "dossier", subjectId: d.id,
    fields: Object.keys(d.formData), reason: "Tiếp tục kê khai",
  });
  return {
    kind: "draft", draftId: d.id, code: d.code, procedureCode: d.procedureCode, formData: d.formData, documents: d.submittedDocuments,
    caseFlags: d.caseFlags, visitId: d.visitId, missingDocuments: d.missingDocuments,
  };
}

export function consoleApi(deps: Deps, mirror: MirrorHub): Router {
  const r = Router();
  const loginLimit = rateLimit({ windowMs: 60_000, limit: 30, standardHeaders: "draft-7", legacyHeaders: false, handler: (_q, res) => sendError(res, { code: "login_throttled", message: "Thao tác đăng nhập quá nhanh, vui lòng thử lại sau." }) });
  r.get("/session", sessionInfo(deps));
  r.post("/login", loginLimit, loginHandler(deps));
  r.use(requireOfficer);
  r.post("/password", changePasswordHandler(deps));
  // "Tiếp tục làm việc" in the idle warning, and the console's note of typing that made no request: activity.
  r.post("/session/keep-alive", (req, res) => {
    res.set("Cache-Control", "no-store").json({ idle: idleInfo(deps, req.console!) });
  });
  // Asked in the background when the console's own count says the session is over: 401 if it is.
  r.get("/session/state", (req, res) => {
    res.set("Cache-Control", "no-store").json({ idle: idleInfo(deps, req.console!) });
  });
  // Signing out ends the citizen screen paired to this session.
  r.post("/logout", (req, _res, next) => {
    mirror.end(req.console!.sessionId, "session_ended");
    next();
  }, logoutHandler(deps));

  const route = (method: "get" | "post" | "put", path: string, h: Handler) => r[method](path, h);

  route("get", "/board", async (req, res) => {
    res.json(await todayBoard(deps, officerOf(req)));
  });

  route("get", "/queues/:queue", async (req, res) => {
    const q = String(req.params.queue);
    if (!Object.hasOwn(QUEUES, q)) return sendError(res, { code: "queue_not_found" });
    res.json({ queue: q, label: QUEUES[q as QueueName].label, items: await listQueue(deps, officerOf(req), q as QueueName) });
  });

  route("get", "/procedures", (req, res) => {
    const unit = unitOf(deps, officerOf(req).unitId);
    // "Kính gửi" of a commune-level declaration is the commune People's Committee receiving it.
    const recipient = unit ? `Ủy ban nhân dân ${deps.domain.units.displayName(unit)}` : undefined;
    res.json({
      procedures: proceduresFor(deps, req).map((v) => ({
        code: v.code, name: v.name, versionId: v.id, form: v.form, requiredDocuments: v.requiredDocuments, caseFlags: v.caseFlags,
        timeLimit: v.timeLimit,
        defaults: recipient && v.form.fields.some((f) => f.id === "recipientAgency") ? { recipientAgency: recipient } : {},
      })),
    });
  });

  // Lookups are counted per session: codes are short, a session must not walk them.
  const lookupLimit = rateLimit({
    windowMs: 60_000, limit: LOOKUPS_PER_MINUTE, standardHeaders: "draft-7", legacyHeaders: false,
    keyGenerator: (req) => req.console!.sessionId, handler: (_q, res) => sendError(res, { code: "too_many_lookups" }),
  });
  // A scanned or typed code: a pre-registration (KH1:… or K7M-4X9-RN), a draft reference (NHAP-…) or a dossier code.
  r.post("/intake/lookup", lookupLimit, async (req, res) => {
    const b = parse(LookupBody, req.body, res);
    if (!b) return;
    const officer = officerOf(req);
    const now = nowOf(deps);
    const raw = b.code.trim();
    const preCode = readPreRegistrationCode(raw);
    if (preCode) {
      const p = await findPreRegistrationByCode(deps.db, preCode);
      if (!p) return sendError(res, { code: "pre_registration_not_found" });
      const open = (p.status === "draft" || p.status === "submitted") && p.expiresAt > now.iso;
      if (!open) {
        const done = p.dossierId ? await findDossierById(deps.db, p.dossierId) : undefined;
        return res.json({ kind: "closed", status: p.status, ...(done && canSeeDossier(officer, done) ? { dossierId: done.id, dossierCode: done.code } : {}) });
      }
      if (!servesUnit(officer, p.unitId)) return sendError(res, otherUnitFailure(deps, officer, p));
      // Rescanned after printing: resume the console draft made from it instead of starting a second dossier.
      const draft = await openDraftOfPreRegistration(deps, p.id, officer.unitId);
      if (draft && canSeeDossier(officer, draft)) return res.json(await resumeDraft(deps, officer, draft, now.iso));
      await writeAudit(deps.db, {
        at: now.iso, actorKind: "officer", actorId: officer.id, action: "read", subjectKind: "pre_registration", subjectId: p.id,
        fields: Object.keys(p.formData), reason: "Tiếp nhận hồ sơ đăng ký trước",
      });
      return res.json({ kind: "pre_registration", code: p.code, status: p.status, procedureCode: p.procedureCode, formData: p.formData, sameUnit: true });
    }
    const code = raw.toUpperCase();
    const d = await findDossierByCode(deps.db, code.startsWith(DRAFT_CODE_PREFIX) ? code : code.replace(/\s+/g, ""));
    if (d && canSeeDossier(officer, d)) {
      if (d.state !== "draft") return res.json({ kind: "dossier", dossierId: d.id, dossierCode: d.code });
      return res.json(await resumeDraft(deps, officer, d, now.iso));
    }
    sendError(res, { code: "pre_registration_not_found", message: "Không tìm thấy mã này (mã đăng ký trước, mã phiếu bổ sung hoặc mã hồ sơ)." });
  });

  // At another unit's counter, with the citizen present: the pre-registration is re-addressed here (audited).
  route("post", "/intake/readdress", async (req, res) => {
    const b = parse(ReaddressBody, req.body, res);
    if (!b) return;
    const code = readPreRegistrationCode(b.code);
    if (!code) return sendError(res, { code: "pre_registration_not_found" });
    reply(res, await readdressPreRegistration(deps, officerOf(req), code), (p) => ({ code: p.code, unitName: unitNameOf(deps, p.unitId) }));
  });

  // The live track decision: on a scheme day before the cutoff and without excluding flags, the same-day track.
  route("post", "/intake/decide", (req, res) => {
    const b = parse(IntakeInput, req.body, res);
    if (!b) return;
    const c = intakeContext(deps, officerOf(req), b);
    if (!c.ok) return sendError(res, c);
    const { decision, version, documents, pause } = c.value;
    res.json({
      pause: pause ?? null, keptSameDay: c.value.keptSameDayReason !== undefined,
      track: decision.track, dueDate: decision.dueDate, reasons: decision.reasons, causes: decision.causes, planLabel: decision.planLabel ?? null,
      planStatus: decision.planStatus ?? null, dueDateExplanation: decision.dueDateExplanation ?? null,
      missingDocuments: missingAlways(version, documents).map((m) => ({ id: m.id, name: m.name })),
    });
  });

  route("post", "/intake/drafts/:id/discard", async (req, res) => {
    const b = parse(DiscardDraftBody, req.body, res);
    if (!b) return;
    reply(res, await discardDraft(deps, officerOf(req), String(req.params.id), b.reason));
  });

  route("post", "/intake/drafts", async (req, res) => {
    const b = parse(IntakeInput, req.body, res);
    if (!b) return;
    reply(res, await saveDraft(deps, officerOf(req), b), (d) => ({ draftId: d.id, code: d.code }));
  });

  route("post", "/intake/receive", async (req, res) => {
    const b = parse(IntakeInput, req.body, res);
    if (!b) return;
    const checked = mirror.isConfirmed(req.console!.sessionId);
    const result = await receiveDossier(deps, officerOf(req), b, checked);
    if (result.ok) {
      mirror.publish(req.console!.sessionId, { title: "Đã tiếp nhận hồ sơ", fields: [{ label: "Mã hồ sơ", value: result.value.dossier.code }], message: "Cảm ơn ông/bà." });
      mirror.end(req.console!.sessionId, "intake_ended");
    }
    if (!result.ok) return sendError(res, result);
    const d = result.value.dossier;
    res.json({
      dossierId: d.id, code: d.code, track: d.track, dueDate: d.dueDate, reasons: result.value.reasons, form: result.value.form,
      checkedByCitizen: d.checkedByCitizen, statusUrl: await statusUrlOf(deps, d.code),
    });
  });

  route("post", "/intake/incomplete", async (req, res) => {
    const b = parse(SupplementBody, req.body, res);
    if (!b) return;
    const { missingDocuments, reason, ...input } = b;
    const r = await requestSupplementAtIntake(deps, officerOf(req), input, missingDocuments, reason);
    if (r.ok) mirror.end(req.console!.sessionId, "intake_ended");
    reply(res, r, (d) => ({ draftId: d.id, code: d.code, form: "02" }));
  });

  route("post", "/intake/refuse", async (req, res) => {
    const b = parse(RefuseBody, req.body, res);
    if (!b) return;
    const { reasons, ...input } = b;
    const r = await refuseAtIntake(deps, officerOf(req), input, reasons);
    if (r.ok) mirror.end(req.console!.sessionId, "intake_ended");
    reply(res, r, (d) => ({ dossierId: d.id, code: d.code, form: "03" }));
  });

  route("get", "/dossiers/:id", async (req, res) => {
    reply(res, await viewDossier(deps, officerOf(req), String(req.params.id)));
  });

  route("post", "/dossiers/:id/events", async (req, res) => {
    const b = parse(EventInput, req.body, res);
    if (!b) return;
    reply(res, await fireDossierEvent(deps, officerOf(req), String(req.params.id), b), (v) => ({ state: v.dossier.state, dueDate: v.dossier.dueDate, form: v.form, warnings: v.warnings }));
  });

  route("get", "/dossiers/:id/forms/:form", async (req, res) => {
    const form = String(req.params.form).replace(/\.pdf$/, "");
    if (!(PRINTABLE_FORMS as readonly string[]).includes(form)) return sendError(res, { code: "form_not_available" });
    const r = await printDossierForm(deps, officerOf(req), String(req.params.id), form as PrintableForm);
    if (!r.ok) return sendError(res, r);
    res.set({ "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${r.value.fileName}"`, "Cache-Control": "no-store" }).send(r.value.pdf);
  });

  route("post", "/approvals/batch", async (req, res) => {
    const b = parse(BatchBody, req.body, res);
    if (!b) return;
    res.json({ results: await approveBatch(deps, officerOf(req), b.ids) });
  });

  route("get", "/alerts", async (req, res) => {
    const o = officerOf(req);
    res.json({ alert: o.unitId ? ((await leaderAlertStatus(deps, o.unitId, nowOf(deps), { notify: true })) ?? null) : null });
  });

  route("put", "/settings/alert", async (req, res) => {
    const o = officerOf(req);
    if (!may(o, "settings.leader_alert") || !o.unitId) return sendError(res, { code: "forbidden" });
    const b = parse(z.object({ minutesBeforeEnd: z.number().int().min(0).max(480) }), req.body, res);
    if (!b) return;
    await setAlertMinutes(deps, o.unitId, b.minutesBeforeEnd, o.id);
    res.json({ minutesBeforeEnd: b.minutesBeforeEnd });
  });

  // The leader marks themself away: their delegate (users.delegate_for) approves meanwhile.
  route("put", "/leader/away", async (req, res) => {
    const o = officerOf(req);
    if (!may(o, "leader.away")) return sendError(res, { code: "forbidden" });
    const b = parse(z.object({ away: z.boolean() }), req.body, res);
    if (!b) return;
    await writeConsoleSetting(deps.db, leaderAwayKey(o.id), { away: b.away }, nowOf(deps).iso, o.id);
    res.json({ away: b.away });
  });

  // Citizen mirror, officer side.
  route("post", "/mirror/pair", (req, res) => {
    res.json(mirror.pair(req.console!.sessionId, officerOf(req).displayName));
  });
  route("post", "/mirror/state", (req, res) => {
    const b = parse(MirrorStateBody, req.body, res);
    if (!b) return;
    const version = mirror.publish(req.console!.sessionId, b);
    if (version === undefined) return sendError(res, { code: "mirror_not_found" });
    res.json({ version });
  });
  // The officer cuts the paired screen off (not the counter's, or the citizen left); a new code can be made after.
  route("post", "/mirror/revoke", (req, res) => {
    res.json({ revoked: mirror.end(req.console!.sessionId, "revoked") });
  });
  route("get", "/mirror/status", (req, res) => {
    res.json(mirror.status(req.console!.sessionId));
  });
  route("get", "/mirror/events", (req, res) => {
    mirror.subscribeOfficer(req.console!.sessionId, res);
  });

  return r;
}
