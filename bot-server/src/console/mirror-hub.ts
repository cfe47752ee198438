/**
 * The citizen mirror ("màn hình đối chiếu"): a second, citizen-facing screen paired to one officer session by a
 * short code. The console publishes the fields as they are typed; the mirror receives them by server-sent events
 * and shows them in large type; the citizen's "Thông tin đúng" confirms exactly the version on screen, and any
 * later edit withdraws the confirmation. State lives in this process; with several instances behind a proxy, a
 * MirrorSync (console/mirror-sync.ts, Redis pub/sub) replays every change on the other instances, so the
 * officer's console and the citizen's screen may be served by different ones.
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

/** A change to replay on the other instances, with the values the origin chose (codes, tokens, versions). */
export type MirrorOp =
  | { op: "pair"; sessionId: string; officerName: string; code: string; expiresAt: number }
  | { op: "join"; code: string; token: string }
  | { op: "publish"; sessionId: string; state: MirrorState; version: number; origin: string }
  | { op: "confirm"; token: string; version: number };

export interface MirrorSync {
  /** This instance's id (ties between two publishes of the same version go to the larger id, everywhere alike). */
  origin: string;
  broadcast(op: MirrorOp): void;
  /** Ops from the other instances (never this one's own). */
  onRemote(handler: (op: MirrorOp) => void): void;
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

export function createMirrorHub(now: () => number = Date.now, sync?: MirrorSync): MirrorHub {
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

  function applyPair(sessionId: string, officerName: string, code: string, expiresAt: number): void {
    const old = bySession.get(sessionId);
    if (old) drop(old);
    const taken = byCode.get(code);
    if (taken) drop(taken);
    const p: Pairing = {
      code, sessionId, officerName, token: null, expiresAt, state: null, version: 0, confirmedVersion: null,
      mirrors: new Set(), officers: new Set(),
    };
    bySession.set(sessionId, p);
    byCode.set(code, p);
  }

  function applyJoin(p: Pairing, token: string): void {
    if (p.token) byToken.delete(p.token);
    p.token = token;
    byToken.set(token, p);
    send(p.officers, officerView(p));
  }

  /** The state with the higher version wins; at equal versions the larger origin id, on every instance alike. */
  const lastOrigin = new WeakMap<Pairing, string>();
  function applyPublish(p: Pairing, state: MirrorState, version: number, origin: string): void {
    if (version < p.version || (version === p.version && origin <= (lastOrigin.get(p) ?? ""))) return;
    p.state = state;
    p.version = version;
    lastOrigin.set(p, origin);
    send(p.mirrors, mirrorView(p));
    send(p.officers, officerView(p));
  }

  function applyConfirm(p: Pairing, version: number): boolean {
    if (p.version !== version || p.state === null) return false;
    p.confirmedVersion = version;
    send(p.mirrors, mirrorView(p));
    send(p.officers, officerView(p));
    return true;
  }

  sync?.onRemote((op) => {
    if (op.op === "pair") return applyPair(op.sessionId, op.officerName, op.code, op.expiresAt);
    if (op.op === "join") {
      const p = byCode.get(op.code);
      return p ? applyJoin(p, op.token) : undefined;
    }
    if (op.op === "publish") {
      const p = bySession.get(op.sessionId);
      return p ? applyPublish(p, op.state, op.version, op.origin) : undefined;
    }
    const p = byToken.get(op.token);
    if (p) applyConfirm(p, op.version);
  });

  return {
    pair(sessionId, officerName) {
      let code: string;
      do code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      while (byCode.has(code));
      const expiresAt = now() + PAIRING_MINUTES * 60_000;
      applyPair(sessionId, officerName, code, expiresAt);
      sync?.broadcast({ op: "pair", sessionId, officerName, code, expiresAt });
      return { code };
    },
    join(code) {
      const p = byCode.get(code.trim());
      if (!p || (p.token === null && p.expiresAt < now())) return undefined;
      const token = randomBytes(24).toString("base64url");
      applyJoin(p, token);
      sync?.broadcast({ op: "join", code: p.code, token });
      return { token };
    },
    publish(sessionId, state) {
      const p = bySession.get(sessionId);
      if (!p) return undefined;
      const version = p.version + 1;
      applyPublish(p, state, version, sync?.origin ?? "");
      sync?.broadcast({ op: "publish", sessionId, state, version, origin: sync.origin });
      return version;
    },
    confirm(token, version) {
      const p = byToken.get(token);
      if (!p || !applyConfirm(p, version)) return false;
      sync?.broadcast({ op: "confirm", token, version });
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
