/**
 * The dossier page: every field, the timeline (event, actor, time), the buttons the officer may press now (from
 * the lifecycle table), the forms to print again, the notifications written with every delivery attempt and whether
 * the citizen has been told, and who has viewed the dossier.
 * Reading it writes an audit row naming the personal fields shown (never their values).
 */
import type { DossierEvent, DossierState } from "../../../shared/data/lifecycle.js";
import { availableEvents } from "../../../shared/dossier/lifecycle.js";
import { NOT_CONNECTED_LINE, sendingStatus } from "../notify/sending-status.js";
import { transitionsOfUnit } from "./unit-workflow.js";
import { EVENT_LABELS_VI, ROLE_LABELS_VI, STATE_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";
import { deliveryAttemptVi, NOTIFY_STATUS_LABELS_VI } from "../../../shared/notify/notify-labels-vi.js";
import { fail } from "../../../shared/outcomes.js";
import { canSeeDossier, type Officer } from "../../../shared/officers/officer.js";
import type { Deps } from "../deps.js";
import { listDeliveriesOfDossier } from "../store/outbox.js";
import { listAuditFor, writeAudit } from "../store/audit.js";
import { findDossierById, listDossierEvents, listDossiers, type DossierRecord } from "../store/dossiers.js";
import { listOutboxOfDossier } from "../store/outbox.js";
import { findOfficersByIds } from "../store/users.js";
import { listItem, type DossierListItem } from "./console-board.js";
import { nowOf } from "./console-context.js";
import { effectiveRole } from "./fire-dossier-event.js";
import type { Checked } from "./intake-input.js";
import { printableForms, statusUrlOf, type PrintableForm } from "./print-dossier-form.js";

const label = <K extends string>(table: Record<K, string>, key: string) =>
  Object.hasOwn(table, key) ? table[key as K] : key;

export interface DossierView {
  dossier: Omit<DossierRecord, "typedBy"> & {
    stateLabel: string;
    typedByName: string | null;
    notifyStatusLabel: string;
  };
  procedureName: string;
  form: { id: string; label: string; section: string; value: unknown }[];
  timeline: {
    seq: number;
    type: string;
    label: string;
    from: string | null;
    to: string;
    actor: string;
    role: string;
    at: string;
    data: Record<string, unknown>;
  }[];
  actions: { event: DossierEvent; label: string }[];
  forms: PrintableForm[];
  statusUrl: string | null;
  notifications: { kind: string; status: string; createdAt: string }[];
  /** Every attempt to deliver this dossier's notifications, oldest first. */
  deliveries: ReturnType<typeof deliveryAttemptVi>[];
  viewedBy: { actor: string; action: string; at: string; reason: string }[];
  sameVisit: DossierListItem[];
}

export async function viewDossier(deps: Deps, officer: Officer, id: string): Promise<Checked<DossierView>> {
  const d = await findDossierById(deps.db, id);
  if (!d || !canSeeDossier(officer, d)) return fail("dossier_not_in_unit");
  const now = nowOf(deps);
  await writeAudit(deps.db, {
    at: now.iso,
    actorKind: "officer",
    actorId: officer.id,
    action: "read",
    subjectKind: "dossier",
    subjectId: d.id,
    fields: [...Object.keys(d.formData), "applicantName", "applicantIdNumber", ...(d.returnedTo ? ["returnedTo"] : [])],
    reason: "Xem trang hồ sơ",
  });
  const [events, audit, outbox, deliveries] = await Promise.all([
    listDossierEvents(deps.db, d.id),
    listAuditFor(deps.db, "dossier", d.id),
    listOutboxOfDossier(deps.db, d.id),
    listDeliveriesOfDossier(deps.db, d.id),
  ]);
  const people = new Map(
    (
      await findOfficersByIds(
        deps.db,
        [d.typedBy ?? "", ...events.map((e) => e.actorId ?? ""), ...audit.map((a) => a.actorId ?? "")].filter(Boolean),
      )
    ).map((o) => [o.id, o.displayName]),
  );
  const version = deps.domain.catalog.versionById(d.procedureVersionId);
  const role = await effectiveRole(deps, officer);
  const history = events.map((e) => e.type as DossierEvent);
  const intakeOnly = new Set<DossierEvent>(["edit_draft", "receive", "refuse", "cancel_draft"]);
  const actions =
    d.state === "draft"
      ? []
      : availableEvents(d.state as DossierState, role, d.track, {
          history,
          table: await transitionsOfUnit(deps, d.receivingUnitId),
        }).filter((e) => !intakeOnly.has(e));
  const sameVisit = d.visitId
    ? (await listDossiers(deps.db, { unitId: d.receivingUnitId, visitId: d.visitId })).filter((x) => x.id !== d.id)
    : [];
  const { typedBy, ...rest } = d;
  return {
    ok: true,
    value: {
      dossier: {
        ...rest,
        stateLabel: label(STATE_LABELS_VI, d.state),
        typedByName: typedBy ? (people.get(typedBy) ?? null) : null,
        notifyStatusLabel:
          d.notifyStatus === "pending" && !sendingStatus(deps.config).connected
            ? NOT_CONNECTED_LINE
            : label(NOTIFY_STATUS_LABELS_VI, d.notifyStatus),
      },
      procedureName: version?.name ?? d.procedureCode,
      form: (version?.form.fields ?? []).map((f) => ({
        id: f.id,
        label: f.label,
        section: f.section,
        value: d.formData[f.id] ?? null,
      })),
      timeline: events.map((e) => ({
        seq: e.seq,
        type: e.type,
        label: label(EVENT_LABELS_VI, e.type),
        from: e.fromState,
        to: e.toState,
        actor: e.actorId ? (people.get(e.actorId) ?? "") : "Hệ thống",
        role: e.actorRole ? label(ROLE_LABELS_VI, e.actorRole) : "",
        at: e.at,
        data: e.data,
      })),
      actions: actions.map((event) => ({ event, label: EVENT_LABELS_VI[event] })),
      forms: printableForms(d, events),
      statusUrl: d.state === "draft" || d.state === "refused" ? null : await statusUrlOf(deps, d.code),
      notifications: outbox.map((o) => ({ kind: o.kind, status: o.status, createdAt: o.createdAt })),
      deliveries: deliveries.filter((x) => x.kind !== "leader_alert").map(deliveryAttemptVi),
      viewedBy: audit.map((a) => ({
        actor: a.actorId ? (people.get(a.actorId) ?? a.actorKind) : a.actorKind,
        action: a.action,
        at: a.at,
        reason: a.reason,
      })),
      sameVisit: sameVisit.map((x) => listItem(deps, x, now)),
    },
  };
}
