/**
 * The citizen mirror ("màn hình đối chiếu"): a second, citizen-facing screen paired to one officer session by a
 * short code. The console publishes the fields as they are typed; the mirror receives them by server-sent events
 * and shows them in large type; the citizen's "Thông tin đúng" confirms exactly the version on screen, and any
 * later edit withdraws the confirmation. State lives in this process (one server per counter office).
 */
import { randomBytes, randomInt } from "node:crypto";
import type { Response } from "express";

export interface MirrorField {
  label: string;
  value: string;
}

export interface MirrorState {
  title: string;
  fields: MirrorField[];
  /** A message instead of fields (e.g. the dossier code after receipt). */
  message?: string;
}

interface Pairing {
  code: string;
  sessionId: string;
  officerName: string;
  token: string | null;
  expiresAt: number;
  state: MirrorState | null;
  version: number;
  confirmedVersion: number | null;
  mirrors: Set<Response>;
  officers: Set<Response>;
}

const PAIRING_MINUTES = 10;
const HEARTBEAT_MS = 20_000;

export interface MirrorHub {
  pair(sessionId: string, officerName: string): { code: string };
  join(code: string): { token: string } | undefined;
  publish(sessionId: string, state: MirrorState): number | undefined;
  confirm(token: string, version: number): boolean;
  /** The citizen confirmed the state currently shown (nothing typed since). */
  isConfirmed(sessionId: string): boolean;
  subscribeMirror(token: string, res: Response): boolean;
  subscribeOfficer(sessionId: string, res: Response): void;
  status(sessionId: string): { paired: boolean; code: string | null; joined: boolean; version: number; confirmed: boolean };
  close(): void;
}

function sse(res: Response): void {
  // no-transform: compression middleware and proxies must not buffer the stream.
  res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" });
  res.write(": ok\n\n");
}

function send(targets: Set<Response>, payload: unknown): void {
  const data = `data: ${JSON.stringify(payload)}\n\n`;
  for (const r of targets) r.write(data);
}

export function createMirrorHub(now: () => number = Date.now): MirrorHub {
  const bySession = new Map<string, Pairing>();
  const byCode = new Map<string, Pairing>();
  const byToken = new Map<string, Pairing>();
  const heartbeat = setInterval(() => {
    for (const p of bySession.values()) for (const r of [...p.mirrors, ...p.officers]) r.write(": ping\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const mirrorView = (p: Pairing) => ({ type: "state", officerName: p.officerName, state: p.state, version: p.version, confirmed: p.confirmedVersion === p.version });
  const officerView = (p: Pairing) => ({ type: "status", ...statusOf(p) });
  const statusOf = (p: Pairing | undefined) => ({
    paired: p !== undefined, code: p?.code ?? null, joined: (p?.token ?? null) !== null, version: p?.version ?? 0,
    confirmed: p !== undefined && p.confirmedVersion === p.version && p.state !== null,
  });

  function drop(p: Pairing): void {
    bySession.delete(p.sessionId);
    byCode.delete(p.code);
    if (p.token) byToken.delete(p.token);
    for (const r of [...p.mirrors, ...p.officers]) r.end();
  }

  return {
    pair(sessionId, officerName) {
      const old = bySession.get(sessionId);
      if (old) drop(old);
      let code: string;
      do code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      while (byCode.has(code));
      const p: Pairing = {
        code, sessionId, officerName, token: null, expiresAt: now() + PAIRING_MINUTES * 60_000, state: null, version: 0, confirmedVersion: null,
        mirrors: new Set(), officers: new Set(),
      };
      bySession.set(sessionId, p);
      byCode.set(code, p);
      return { code };
    },
    join(code) {
      const p = byCode.get(code.trim());
      if (!p || (p.token === null && p.expiresAt < now())) return undefined;
      if (p.token) byToken.delete(p.token);
      p.token = randomBytes(24).toString("base64url");
      byToken.set(p.token, p);
      send(p.officers, officerView(p));
      return { token: p.token };
    },
    publish(sessionId, state) {
      const p = bySession.get(sessionId);
      if (!p) return undefined;
      p.state = state;
      p.version += 1;
      send(p.mirrors, mirrorView(p));
      send(p.officers, officerView(p));
      return p.version;
    },
    confirm(token, version) {
      const p = byToken.get(token);
      if (!p || p.version !== version || p.state === null) return false;
      p.confirmedVersion = version;
      send(p.mirrors, mirrorView(p));
      send(p.officers, officerView(p));
      return true;
    },
    isConfirmed(sessionId) {
      const p = bySession.get(sessionId);
      return p !== undefined && p.state !== null && p.confirmedVersion === p.version;
    },
    subscribeMirror(token, res) {
      const p = byToken.get(token);
      if (!p) return false;
      sse(res);
      p.mirrors.add(res);
      res.on("close", () => p.mirrors.delete(res));
      res.write(`data: ${JSON.stringify(mirrorView(p))}\n\n`);
      return true;
    },
    subscribeOfficer(sessionId, res) {
      sse(res);
      const p = bySession.get(sessionId);
      res.write(`data: ${JSON.stringify({ type: "status", ...statusOf(p) })}\n\n`);
      if (!p) return void res.end();
      p.officers.add(res);
      res.on("close", () => p.officers.delete(res));
    },
    status: (sessionId) => statusOf(bySession.get(sessionId)),
    close() {
      clearInterval(heartbeat);
      for (const p of [...bySession.values()]) drop(p);
    },
  };
}
