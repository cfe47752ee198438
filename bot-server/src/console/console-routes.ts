/**
 * /console/api routes as a table, in the public API's style (http/route-table.ts): zod in, zod out (schemas in
 * shared/console/), the action each route performs checked against the permissions table, one use-case per
 * handler. The sign-in routes and the officer's live mirror stream stay in console-api.ts. The OpenAPI document
 * at /console/api/openapi.json is generated from this table.
 */
import type { Request } from "express";
import { rateLimit } from "express-rate-limit";
import { z } from "zod";
import {
  AlertReply,
  AlertSettingBody,
  BatchBody,
  BatchReply,
  BoardReply,
  DossierFormParams,
  DossierParams,
  DossierViewReply,
  EventReply,
  LeaderAwayBody,
  QueueParams,
  QueueReply,
} from "../../../shared/console/dossiers.js";
import { MirrorStatusReply } from "../../../shared/console/mirror.js";
import { SignInAlertsReply, WorkflowBody, WorkflowReply } from "../../../shared/console/settings.js";
import { UNIT_WORKFLOW_LABELS, UNIT_WORKFLOWS } from "../../../shared/dossier/unit-workflow.js";
import {
  FeedbackAnswerBody,
  FeedbackItem,
  FeedbackListQuery,
  FeedbackListReply,
  FeedbackParams,
} from "../../../shared/console/feedback.js";
import {
  DecideReply,
  DiscardDraftBody,
  DiscardReply,
  DraftReply,
  EventInput,
  IntakeInput,
  LookupBody,
  LookupReply,
  ReaddressBody,
  ReaddressReply,
  ReceiveReply,
  RefuseBody,
  RefuseReply,
  SupplementBody,
  SupplementReply,
} from "../../../shared/console/intake.js";
import { fail } from "../../../shared/outcomes.js";
import { sendError } from "../http/api-error.js";
import { route, NO_STORE, type AnyRoute } from "../http/route-table.js";
import { listSignInAlerts } from "../store/audit.js";
import { writeConsoleSetting } from "../store/console-settings.js";
import { listQueue, QUEUES, todayBoard, type QueueName } from "../use-cases/console-board.js";
import { discardDraft } from "../use-cases/console-drafts.js";
import { nowOf, unitOf } from "../use-cases/console-context.js";
import { approveBatch, fireDossierEvent, leaderAwayKey } from "../use-cases/fire-dossier-event.js";
import { intakeContext, missingAlways } from "../use-cases/intake-input.js";
import { lookUpIntakeCode } from "../use-cases/intake-lookup.js";
import { leaderAlertStatus, setAlertMinutes } from "../use-cases/leader-alert.js";
import { readdressPreRegistration, unitNameOf } from "../use-cases/pre-registration-unit.js";
import { PRINTABLE_FORMS, printDossierForm, statusUrlOf, type PrintableForm } from "../use-cases/print-dossier-form.js";
import {
  readPreRegistrationCode,
  receiveDossier,
  refuseAtIntake,
  requestSupplementAtIntake,
  saveDraft,
} from "../use-cases/receive-dossier.js";
import { answerUnitFeedback, listUnitFeedback } from "../use-cases/unit-feedback.js";
import { readUnitWorkflow, writeUnitWorkflow } from "../use-cases/unit-workflow.js";
import { viewDossier } from "../use-cases/view-dossier.js";
import type { MirrorHub } from "./mirror-hub.js";

const LOOKUPS_PER_MINUTE = 30;
const ALERT_DAYS = 7;
const WORKFLOW_OPTIONS = UNIT_WORKFLOWS.map((id) => ({ id, label: UNIT_WORKFLOW_LABELS[id] }));
const MirrorStateBody = z.object({
  title: z.string().max(300),
  fields: z.array(z.object({ label: z.string().max(500), value: z.string().max(2000) })).max(120),
  message: z.string().max(500).optional(),
});
const ConsoleProcedure = z.object({
  code: z.string(),
  name: z.string(),
  versionId: z.string(),
  form: z.unknown(),
  requiredDocuments: z.array(z.unknown()),
  caseFlags: z.array(z.unknown()),
  timeLimit: z.unknown(),
  defaults: z.object({ recipientAgency: z.string().optional() }),
});

export function consoleRoutes(mirror: MirrorHub): AnyRoute[] {
  // Lookups are counted per session: codes are short, a session must not walk them.
  const lookupLimit = rateLimit({
    windowMs: 60_000,
    limit: LOOKUPS_PER_MINUTE,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    keyGenerator: (req: Request) => req.console!.sessionId,
    handler: (_q, res) => sendError(res, { code: "too_many_lookups" }),
  });
  const endIntake = (sessionId: string) => mirror.end(sessionId, "intake_ended");
  return [
    route({
      method: "get",
      path: "/board",
      tag: "Board",
      auth: "officer",
      summary: "Today's board: scheme status, counts, same-day dossiers waiting, due soon, late",
      response: { status: 200, schema: BoardReply, description: "The board of the officer's unit" },
      errors: [],
      handler: async ({ officer }, deps) => ({ ok: true, value: await todayBoard(deps, officer) }),
    }),
    route({
      method: "get",
      path: "/queues/:queue",
      tag: "Board",
      auth: "officer",
      summary: "A work queue of the officer's unit",
      params: QueueParams,
      response: { status: 200, schema: QueueReply, description: "The queue's dossiers" },
      errors: ["queue_not_found"],
      async handler({ officer, params }, deps) {
        if (!Object.hasOwn(QUEUES, params.queue)) return fail("queue_not_found");
        const q = params.queue as QueueName;
        return { ok: true, value: { queue: q, label: QUEUES[q].label, items: await listQueue(deps, officer, q) } };
      },
    }),
    route({
      method: "get",
      path: "/procedures",
      tag: "Intake",
      auth: "officer",
      summary: "The procedures the officer's unit receives today, with their forms",
      response: {
        status: 200,
        schema: z.object({ procedures: z.array(ConsoleProcedure) }),
        description: "The catalogue",
      },
      errors: [],
      handler({ officer }, deps) {
        const unit = unitOf(deps, officer.unitId);
        // "Kính gửi" of a commune-level declaration is the commune People's Committee receiving it.
        const recipient = unit ? `Ủy ban nhân dân ${deps.domain.units.displayName(unit)}` : undefined;
        const versions = unit ? deps.domain.catalog.receivedAtLevel(unit.level, nowOf(deps).date) : [];
        return {
          ok: true,
          value: {
            procedures: versions.map((v) => ({
              code: v.code,
              name: v.name,
              versionId: v.id,
              form: v.form,
              requiredDocuments: v.requiredDocuments,
              caseFlags: v.caseFlags,
              timeLimit: v.timeLimit,
              defaults:
                recipient && v.form.fields.some((f) => f.id === "recipientAgency")
                  ? { recipientAgency: recipient }
                  : {},
            })),
          },
        };
      },
    }),
    route({
      method: "post",
      path: "/intake/lookup",
      tag: "Intake",
      auth: "officer",
      before: [lookupLimit],
      bodyOptional: true,
      summary: "What a scanned or typed code is: a pre-registration, a counter draft or a dossier (reads are audited)",
      body: LookupBody,
      response: { status: 200, schema: LookupReply, description: "The code's subject" },
      errors: ["pre_registration_not_found", "pre_registration_other_unit", "too_many_lookups"],
      handler: ({ officer, body }, deps) => lookUpIntakeCode(deps, officer, body.code),
    }),
    route({
      method: "post",
      path: "/intake/readdress",
      tag: "Intake",
      auth: "officer",
      bodyOptional: true,
      summary: "At another unit's counter, with the citizen present: re-address the pre-registration here (audited)",
      body: ReaddressBody,
      response: { status: 200, schema: ReaddressReply, description: "Re-addressed" },
      errors: [
        "pre_registration_not_found",
        "pre_registration_closed",
        "procedure_not_received_today",
        "forbidden",
        "unit_unknown",
        "conflict",
      ],
      async handler({ officer, body }, deps) {
        const code = readPreRegistrationCode(body.code);
        if (!code) return fail("pre_registration_not_found");
        const r = await readdressPreRegistration(deps, officer, code);
        return r.ok ? { ok: true, value: { code: r.value.code, unitName: unitNameOf(deps, r.value.unitId) } } : r;
      },
    }),
    route({
      method: "post",
      path: "/intake/decide",
      tag: "Intake",
      auth: "officer",
      bodyOptional: true,
      summary: "The live track decision: same-day on a scheme day before the cutoff and without excluding flags",
      body: IntakeInput,
      response: { status: 200, schema: DecideReply, description: "The decision" },
      errors: ["unit_unknown", "procedure_not_received_today", "form_incomplete"],
      handler({ officer, body }, deps) {
        const c = intakeContext(deps, officer, body);
        if (!c.ok) return c;
        const { decision, version, documents, pause } = c.value;
        return {
          ok: true,
          value: {
            pause: pause ?? null,
            keptSameDay: c.value.keptSameDayReason !== undefined,
            track: decision.track,
            dueDate: decision.dueDate,
            reasons: decision.reasons,
            causes: decision.causes,
            planLabel: decision.planLabel ?? null,
            planStatus: decision.planStatus ?? null,
            dueDateExplanation: decision.dueDateExplanation ?? null,
            missingDocuments: missingAlways(version, documents).map((m) => ({ id: m.id, name: m.name })),
          },
        };
      },
    }),
    route({
      method: "post",
      path: "/intake/drafts/:id/discard",
      tag: "Intake",
      auth: "officer",
      params: DossierParams,
      bodyOptional: true,
      summary: "Drop a counter draft typed in error (audited)",
      body: DiscardDraftBody,
      response: { status: 200, schema: DiscardReply, description: "Discarded" },
      errors: ["forbidden", "dossier_not_in_unit", "invalid_transition", "conflict"],
      handler: ({ officer, params, body }, deps) => discardDraft(deps, officer, params.id, body.reason),
    }),
    route({
      method: "post",
      path: "/intake/drafts",
      tag: "Intake",
      auth: "officer",
      bodyOptional: true,
      summary: "Save what was typed so far",
      body: IntakeInput,
      response: { status: 200, schema: DraftReply, description: "Saved" },
      errors: ["forbidden", "unit_unknown", "procedure_not_received_today", "conflict"],
      async handler({ officer, body }, deps) {
        const r = await saveDraft(deps, officer, body);
        return r.ok ? { ok: true, value: { draftId: r.value.id, code: r.value.code } } : r;
      },
    }),
    route({
      method: "post",
      path: "/intake/receive",
      tag: "Intake",
      auth: "officer",
      bodyOptional: true,
      summary: "Receive the dossier and issue the receipt (form 01)",
      body: IntakeInput,
      response: { status: 200, schema: ReceiveReply, description: "Received" },
      errors: [
        "forbidden",
        "unit_unknown",
        "procedure_not_received_today",
        "form_incomplete",
        "documents_incomplete",
        "not_eligible",
        "conflict",
      ],
      async handler({ officer, sessionId, body }, deps) {
        const result = await receiveDossier(deps, officer, body, mirror.isConfirmed(sessionId));
        if (!result.ok) return result;
        const d = result.value.dossier;
        mirror.publish(sessionId, {
          title: "Đã tiếp nhận hồ sơ",
          fields: [{ label: "Mã hồ sơ", value: d.code }],
          message: "Cảm ơn ông/bà.",
        });
        endIntake(sessionId);
        return {
          ok: true,
          value: {
            dossierId: d.id,
            code: d.code,
            track: d.track,
            dueDate: d.dueDate,
            reasons: result.value.reasons,
            form: result.value.form,
            checkedByCitizen: d.checkedByCitizen,
            statusUrl: await statusUrlOf(deps, d.code),
          },
        };
      },
    }),
    route({
      method: "post",
      path: "/intake/incomplete",
      tag: "Intake",
      auth: "officer",
      bodyOptional: true,
      summary: "Ask for missing documents (form 02)",
      body: SupplementBody,
      response: { status: 200, schema: SupplementReply, description: "Form 02 issued" },
      errors: ["forbidden", "unit_unknown", "missing_data", "conflict"],
      async handler({ officer, sessionId, body }, deps) {
        const { missingDocuments, reason, ...input } = body;
        const r = await requestSupplementAtIntake(deps, officer, input, missingDocuments, reason);
        if (!r.ok) return r;
        endIntake(sessionId);
        return { ok: true, value: { draftId: r.value.id, code: r.value.code, form: "02" as const } };
      },
    }),
    route({
      method: "post",
      path: "/intake/refuse",
      tag: "Intake",
      auth: "officer",
      bodyOptional: true,
      summary: "Refuse at intake (form 03)",
      body: RefuseBody,
      response: { status: 200, schema: RefuseReply, description: "Form 03 issued" },
      errors: ["forbidden", "unit_unknown", "missing_data", "conflict"],
      async handler({ officer, sessionId, body }, deps) {
        const { reasons, ...input } = body;
        const r = await refuseAtIntake(deps, officer, input, reasons);
        if (!r.ok) return r;
        endIntake(sessionId);
        return { ok: true, value: { dossierId: r.value.id, code: r.value.code, form: "03" as const } };
      },
    }),
    route({
      method: "get",
      path: "/dossiers/:id",
      tag: "Dossiers",
      auth: "officer",
      params: DossierParams,
      summary: "The dossier page (the read is audited)",
      response: { status: 200, schema: DossierViewReply, description: "The dossier" },
      errors: ["dossier_not_in_unit"],
      handler: ({ officer, params }, deps) => viewDossier(deps, officer, params.id),
    }),
    route({
      method: "post",
      path: "/dossiers/:id/events",
      tag: "Dossiers",
      auth: "officer",
      params: DossierParams,
      bodyOptional: true,
      summary: "A step of the dossier's lifecycle (the role check is the lifecycle's transition table)",
      body: EventInput,
      response: { status: 200, schema: EventReply, description: "The new state" },
      errors: ["dossier_not_in_unit", "forbidden", "invalid_transition", "missing_data", "conflict"],
      async handler({ officer, params, body }, deps) {
        const r = await fireDossierEvent(deps, officer, params.id, body);
        return r.ok
          ? {
              ok: true,
              value: {
                state: r.value.dossier.state,
                dueDate: r.value.dossier.dueDate,
                form: r.value.form,
                warnings: r.value.warnings,
              },
            }
          : r;
      },
    }),
    route({
      method: "get",
      path: "/dossiers/:id/forms/:form",
      tag: "Dossiers",
      auth: "officer",
      params: DossierFormParams,
      summary: "A printable form of the dossier (PDF)",
      response: { status: 200, contentType: "application/pdf", description: "The PDF" },
      errors: ["dossier_not_in_unit", "form_not_available"],
      async handler({ officer, params }, deps) {
        const form = params.form.replace(/\.pdf$/, "");
        if (!(PRINTABLE_FORMS as readonly string[]).includes(form)) return fail("form_not_available");
        const r = await printDossierForm(deps, officer, params.id, form as PrintableForm);
        if (!r.ok) return r;
        return {
          ok: true,
          value: r.value.pdf,
          headers: { "Content-Disposition": `inline; filename="${r.value.fileName}"`, "Cache-Control": "no-store" },
        };
      },
    }),
    route({
      method: "post",
      path: "/approvals/batch",
      tag: "Dossiers",
      auth: "officer",
      bodyOptional: true,
      summary: "Leader's batch approval of same-day dossiers",
      body: BatchBody,
      response: { status: 200, schema: BatchReply, description: "One outcome per dossier" },
      errors: [],
      handler: async ({ officer, body }, deps) => ({
        ok: true,
        value: { results: await approveBatch(deps, officer, body.ids) },
      }),
    }),
    route({
      method: "get",
      path: "/alerts",
      tag: "Board",
      auth: "officer",
      summary: "The same-day alert of the officer's unit",
      response: { status: 200, schema: AlertReply, description: "The alert, or null" },
      errors: [],
      handler: async ({ officer }, deps) => ({
        ok: true,
        value: {
          alert: officer.unitId
            ? ((await leaderAlertStatus(deps, officer.unitId, nowOf(deps), { notify: true })) ?? null)
            : null,
        },
      }),
    }),
    route({
      method: "put",
      path: "/settings/alert",
      tag: "Settings",
      auth: "officer",
      may: "settings.leader_alert",
      bodyOptional: true,
      summary: "When the same-day alert goes off",
      body: AlertSettingBody,
      response: { status: 200, schema: AlertSettingBody, description: "Saved" },
      errors: ["forbidden"],
      async handler({ officer, body }, deps) {
        await setAlertMinutes(deps, officer.unitId!, body.minutesBeforeEnd, officer.id);
        return { ok: true, value: { minutesBeforeEnd: body.minutesBeforeEnd } };
      },
    }),
    route({
      method: "put",
      path: "/leader/away",
      tag: "Settings",
      auth: "officer",
      may: "leader.away",
      bodyOptional: true,
      summary: "The leader marks themself away: their delegate approves meanwhile",
      body: LeaderAwayBody,
      response: { status: 200, schema: LeaderAwayBody, description: "Saved" },
      errors: ["forbidden"],
      async handler({ officer, body }, deps) {
        await writeConsoleSetting(deps.db, leaderAwayKey(officer.id), { away: body.away }, nowOf(deps).iso, officer.id);
        return { ok: true, value: { away: body.away } };
      },
    }),
    route({
      method: "post",
      path: "/mirror/pair",
      tag: "Mirror",
      auth: "officer",
      summary: "A pairing code for the citizen's screen",
      response: { status: 200, schema: z.object({ code: z.string() }), description: "The code" },
      errors: [],
      handler: ({ officer, sessionId }, deps) => ({
        ok: true,
        value: mirror.pair(sessionId, officer.displayName, deps.training !== undefined),
      }),
    }),
    route({
      method: "post",
      path: "/mirror/state",
      tag: "Mirror",
      auth: "officer",
      bodyOptional: true,
      summary: "What the citizen's screen shows",
      body: MirrorStateBody,
      response: {
        status: 200,
        schema: z.object({ version: z.number() }),
        description: "The version the citizen confirms",
      },
      errors: ["mirror_not_found"],
      handler({ sessionId, body }) {
        const version = mirror.publish(sessionId, body);
        return version === undefined ? fail("mirror_not_found") : { ok: true, value: { version } };
      },
    }),
    // The officer cuts the paired screen off (not the counter's, or the citizen left); a new code can be made after.
    route({
      method: "post",
      path: "/mirror/revoke",
      tag: "Mirror",
      auth: "officer",
      summary: "Cut the paired screen off",
      response: { status: 200, schema: z.object({ revoked: z.boolean() }), description: "Whether a screen was paired" },
      errors: [],
      handler: ({ sessionId }) => ({ ok: true, value: { revoked: mirror.end(sessionId, "revoked") } }),
    }),
    route({
      method: "get",
      path: "/mirror/status",
      tag: "Mirror",
      auth: "officer",
      summary: "Whether a screen is paired and what it confirmed",
      response: { status: 200, schema: MirrorStatusReply, description: "The pairing" },
      errors: [],
      handler: ({ sessionId }) => ({ ok: true, value: mirror.status(sessionId) }),
    }),
    route({
      method: "get",
      path: "/feedback",
      tag: "Feedback",
      auth: "officer",
      query: FeedbackListQuery,
      summary: "The unit's feedback (reads are audited)",
      response: { status: 200, schema: FeedbackListReply, description: "Newest first" },
      errors: [],
      handler: async ({ officer, query }, deps) => ({
        ok: true,
        value: { items: await listUnitFeedback(deps, officer, query.status) },
        headers: NO_STORE,
      }),
    }),
    route({
      method: "post",
      path: "/feedback/:id/answer",
      tag: "Feedback",
      auth: "officer",
      may: "feedback.answer",
      params: FeedbackParams,
      bodyOptional: true,
      summary: "Answer a citizen's feedback (the citizen is told)",
      body: FeedbackAnswerBody,
      response: { status: 200, schema: FeedbackItem, description: "The answered feedback" },
      errors: ["forbidden", "feedback_not_found", "conflict"],
      handler: ({ officer, params, body }, deps) => answerUnitFeedback(deps, officer, params.id, body.answer),
    }),
    route({
      method: "get",
      path: "/workflow",
      tag: "Settings",
      auth: "officer",
      summary: "The unit's workflow (three steps, or the counter officer submitting straight to the leader)",
      response: { status: 200, schema: WorkflowReply, description: "The workflow and the choices" },
      errors: ["unit_unknown"],
      async handler({ officer }, deps) {
        if (!officer.unitId) return fail("unit_unknown");
        return {
          ok: true,
          value: { workflow: await readUnitWorkflow(deps, officer.unitId), options: WORKFLOW_OPTIONS },
          headers: NO_STORE,
        };
      },
    }),
    route({
      method: "put",
      path: "/workflow",
      tag: "Settings",
      auth: "officer",
      may: "workflow.edit",
      bodyOptional: true,
      summary: "Change the unit's workflow (audited as a console setting)",
      body: WorkflowBody,
      response: { status: 200, schema: WorkflowReply, description: "Saved" },
      errors: ["forbidden"],
      async handler({ officer, body }, deps) {
        await writeUnitWorkflow(deps, officer.unitId!, body.workflow, nowOf(deps).iso, officer.id);
        return { ok: true, value: { workflow: body.workflow, options: WORKFLOW_OPTIONS } };
      },
    }),
    // The unit admin's sign-in alerts of the last ALERT_DAYS days on the unit's accounts (repeated wrong passwords).
    route({
      method: "get",
      path: "/security/alerts",
      tag: "Settings",
      auth: "officer",
      may: "security.read_alerts",
      summary: "Sign-in alerts on the unit's accounts",
      response: { status: 200, schema: SignInAlertsReply, description: "Newest first" },
      errors: ["forbidden"],
      async handler({ officer }, deps) {
        const since = new Date(deps.clock.now().getTime() - ALERT_DAYS * 86_400_000).toISOString();
        return {
          ok: true,
          value: { alerts: await listSignInAlerts(deps.db, officer.unitId!, since) },
          headers: NO_STORE,
        };
      },
    }),
  ];
}
