/**
 * Drafts expire after DRAFT_TTL_DAYS and are purged: the row and its personal data are deleted, and an audit
 * entry names the fields that were erased (data minimisation, Law 91/2025/QH15). Pre-registrations an officer
 * finalised into a dossier are kept with the dossier.
 */
import type { Deps } from "../deps.js";
import { writeAuditMany } from "../store/audit.js";
import { deleteExpiredPreRegistrations } from "../store/pre-registrations.js";

const BATCH = 500;

export async function purgeExpiredPreRegistrations(
  deps: Pick<Deps, "db" | "clock" | "config" | "log">,
): Promise<number> {
  const now = deps.clock.now().toISOString();
  let total = 0;
  for (;;) {
    const purged = await deps.db.transaction().execute(async (trx) => {
      const removed = await deleteExpiredPreRegistrations(trx, now, BATCH);
      await writeAuditMany(
        trx,
        removed.map((r) => ({
          at: now,
          actorKind: "system" as const,
          actorId: null,
          action: "purge" as const,
          subjectKind: "pre_registration" as const,
          subjectId: r.id,
          fields: r.fields,
          reason: `Hết hạn lưu (${r.status === "cancelled" ? "đã hủy" : `quá ${deps.config.DRAFT_TTL_DAYS} ngày`}): xóa dữ liệu đăng ký trước`,
        })),
      );
      return removed.length;
    });
    total += purged;
    if (purged < BATCH) break;
  }
  if (total > 0) deps.log.info({ purged: total }, "expired pre-registrations purged");
  return total;
}

/** Runs the purge every PURGE_INTERVAL_MINUTES (0: never); returns a stop function. */
export function startPurgeTimer(deps: Pick<Deps, "db" | "clock" | "config" | "log">): () => void {
  const minutes = deps.config.PURGE_INTERVAL_MINUTES;
  if (minutes <= 0) return () => {};
  const run = () => {
    purgeExpiredPreRegistrations(deps).catch((e: unknown) =>
      deps.log.error({ err: (e as Error).message }, "purge failed"),
    );
  };
  const timer = setInterval(run, minutes * 60_000);
  timer.unref();
  setImmediate(run);
  return () => clearInterval(timer);
}
