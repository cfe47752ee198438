/**
 * /__test/clock, mounted only when TEST_CLOCK=1: browser tests pin the server's clock
 * (POST {"now": ISO}) and release it (DELETE), so "Wednesday 14:59" is a test input, not luck.
 */
import { Router } from "express";
import { z } from "zod";
import { IsoInstant } from "../../../shared/api/common.js";
import type { SettableClock } from "../clock.js";
import { sendError } from "./api-error.js";
import { jsonBody } from "./json-body.js";
import { parseInput } from "./parse-input.js";

const SetClock = z.object({ now: IsoInstant });

export function testClockRouter(clock: SettableClock): Router {
  const router = Router();
  router.use(jsonBody());
  router.get("/", (_req, res) => {
    res.json({ now: clock.now().toISOString(), pinned: clock.isSet() });
  });
  router.post("/", (req, res) => {
    const r = parseInput(SetClock, req.body ?? {}, "body");
    if (!r.ok) return sendError(res, r);
    clock.set(new Date(r.value.now));
    res.json({ now: clock.now().toISOString(), pinned: true });
  });
  router.delete("/", (_req, res) => {
    clock.reset();
    res.json({ now: clock.now().toISOString(), pinned: false });
  });
  return router;
}
