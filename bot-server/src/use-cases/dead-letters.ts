/**
 * Notifications that could not be delivered after every attempt (dead letters) and their re-drive. The unit admin
 * and the unit's leader see their unit's dead letters, a province viewer every unit's (read-only); only the unit
 * admin re-drives, and another unit's notification looks exactly like a missing one. A re-drive and its audit entry
 * commit together. No personal data is shown: dossier codes, kinds, attempts.
 */
import type { DeadLettersReply, RedriveReply } from "../../../shared/console/notifications.js";
import { WEBHOOK_KIND } from "../../../shared/notify/channels.js";
import {
  deliveryAttemptVi,
  deliveryErrorLabelVi,
  notifyKindLabelVi,
  webhookErrorLabelVi,
} from "../../../shared/notify/notify-labels-vi.js";
import { isProvinceWide, type Officer } from "../../../shared/officers/officer.js";
import { may, refusalOf } from "../../../shared/officers/permissions.js";
import { fail, type Outcome } from "../../../shared/outcomes.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import { listDeadLetters, redrive, type DeliveryAttempt } from "../store/outbox.js";

export async function deadLettersFor(deps: Deps, officer: Officer): Promise<DeadLettersReply> {
  const everyUnit = isProvinceWide(officer);
  const letters = await listDeadLetters(deps.db, everyUnit ? undefined : officer.unitId!);
  const unitName = (id: string | null) => {
    const unit = id ? deps.domain.units.byId(id) : undefined;
    return unit ? deps.domain.units.displayName(unit) : id;
  };
  return {
    canRedrive: may(officer, "notifications.redrive"),
    items: letters.map((l) => ({
      outboxId: l.outboxId,
      kind: l.kind,
      kindLabel: notifyKindLabelVi(l.kind),
      dossierId: l.dossierId,
      dossierCode: l.dossierCode,
      unitName: unitName(l.unitId),
      attempts: l.attempts,
      lastError: l.lastError,
      lastErrorLabel: (l.kind === WEBHOOK_KIND ? webhookErrorLabelVi : deliveryErrorLabelVi)(
        lastErrorCode(l.deliveries),
      ),
      createdAt: l.createdAt,
      deadAt: l.deadAt,
      deliveries: l.deliveries.map(deliveryAttemptVi),
    })),
  };
}

export async function redriveDeadLetter(
  deps: Deps,
  officer: Officer,
  outboxId: string,
): Promise<Outcome<RedriveReply>> {
  if (officer.unitId === null) return fail("forbidden", { message: refusalOf("notifications.redrive") });
  const now = deps.clock.now().toISOString();
  const result = await redrive(deps.db, outboxId, now, officer.unitId, (tx) =>
    writeAudit(tx, {
      at: now,
      actorKind: "officer",
      actorId: officer.id,
      action: "update",
      subjectKind: "notification",
      subjectId: outboxId,
      fields: ["status", "attempts"],
      reason: "Quản trị đơn vị gửi lại thông báo chưa gửi được",
    }),
  );
  if (!result.ok && result.error === "not_found") return fail("notification_not_found");
  if (!result.ok)
    return fail("conflict", { message: "Thông báo này không còn ở danh sách chưa gửi được, vui lòng tải lại." });
  return { ok: true, value: { outboxId, status: "pending" } };
}

/** The error of the latest failed attempt, the one that made the letter dead. */
function lastErrorCode(deliveries: readonly DeliveryAttempt[]): string | null {
  for (let i = deliveries.length - 1; i >= 0; i -= 1) if (deliveries[i]!.errorCode) return deliveries[i]!.errorCode;
  return null;
}
