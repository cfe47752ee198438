/** The instant a read is about: the `at` query when given (validated ISO with offset), else the clock. */
import { toVnMoment, vnMomentFromEpoch, type VnMoment } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";

export interface Moment {
  at: string;
  vn: VnMoment;
}

export function momentOf(deps: Pick<Deps, "clock">, at: string | undefined): Moment {
  if (at !== undefined) {
    const vn = toVnMoment(at);
    if (vn) return { at, vn };
  }
  const now = deps.clock.now();
  return { at: now.toISOString(), vn: vnMomentFromEpoch(now.getTime()) };
}
