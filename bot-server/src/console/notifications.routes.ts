/**
 * /console/api/notifications: notifications that could not be delivered after every attempt (dead letters) and
 * their re-drive. The unit admin and the unit's leader see their unit's dead letters, a province viewer every
 * unit's (read-only); only the unit admin re-drives, and another unit's notification looks exactly like a missing
 * one. A re-drive and its audit entry commit together. No personal data is shown: dossier codes, kinds, attempts.
 */
import { Router, type Request, type Response } from "express";
import {
  deliveryAttemptVi,
  deliveryErrorLabelVi,
  notifyKindLabelVi,
  webhookErrorLabelVi,
} from "../../../shared/notify/notify-labels-vi.js";
import { WEBHOOK_KIND } from "../../../shared/notify/channels.js";
import type { Deps } from "../deps.js";
import { listDeadLetters, redrive, type DeliveryAttempt } from "../store/outbox.js";
import { sendingStatus } from "../notify/sending-status.js";
import { writeAudit } from "../store/audit.js";
import { sendError } from "../http/api-error.js";
import type { Officer } from "../../../shared/officers/officer.js";
import { may, refusalOf } from "../../../shared/officers/permissions.js";

const officerOf = (req: Request): Officer => req.console!.officer;

export function consoleNotificationRoutes(deps: Deps): Router {
  const r = Router();

  // Whether citizens are being notified at all (no Zalo configuration: nothing leaves the outbox).
  r.get("/sending", (_req: Request, res: Response) => {
    res.set("Cache-Control", "no-store").json(sendingStatus(deps.config));
  });

  r.get("/dead-letters", async (req: Request, res: Response) => {
    const officer = officerOf(req);
    const everyUnit = officer.role === "province_viewer";
    if (!may(officer, "notifications.read_dead_letters")) {
      return sendError(res, { code: "forbidden", message: refusalOf("notifications.read_dead_letters") });
    }
    const letters = await listDeadLetters(deps.db, everyUnit ? undefined : officer.unitId!);
    const unitName = (id: string | null) => {
      const unit = id ? deps.domain.units.byId(id) : undefined;
      return unit ? deps.domain.units.displayName(unit) : id;
    };
    res.set("Cache-Control", "no-store").json({
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
    });
  });

  r.post("/:outboxId/redrive", async (req: Request, res: Response) => {
    const officer = officerOf(req);
    if (!may(officer, "notifications.redrive") || officer.unitId === null) {
      return sendError(res, { code: "forbidden", message: refusalOf("notifications.redrive") });
    }
    const outboxId = String(req.params.outboxId);
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
    if (!result.ok && result.error === "not_found") {
      return sendError(res, { code: "notification_not_found" });
    }
    if (!result.ok)
      return sendError(res, {
        code: "conflict",
        message: "Thông báo này không còn ở danh sách chưa gửi được, vui lòng tải lại.",
      });
    res.json({ outboxId, status: "pending" });
  });

  return r;
}

/** The error of the latest failed attempt, the one that made the letter dead. */
function lastErrorCode(deliveries: readonly DeliveryAttempt[]): string | null {
  for (let i = deliveries.length - 1; i >= 0; i -= 1) if (deliveries[i]!.errorCode) return deliveries[i]!.errorCode;
  return null;
}
