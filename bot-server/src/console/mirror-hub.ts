/**
 * The citizen mirror ("màn hình đối chiếu"): a second, citizen-facing screen paired to one officer session by a
 * short code. The console publishes the fields as they are typed; the mirror receives them by server-sent events
 * and shows them in large type; the citizen's "Thông tin đúng" confirms exactly the version on screen, and any
 * later edit withdraws the confirmation. State lives in this process; with several instances behind a proxy, a
 * MirrorSync (console/mirror-sync.ts, Redis pub/sub) replays every change on the other instances, so the
 * officer's console and the citizen's screen may be served by different ones.
 *
 * A code joins one screen, once: unjoined it expires after PAIRING_MINUTES; a second join is refused (a passer-by
 * who saw the code cannot take the stream over). A joined pairing lasts until the intake ends (receipt, Mẫu 02,
 * Mẫu 03), the officer revokes it, or the officer's session ends (sign-out, idle or absolute expiry).
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

/** The screen that joined: when, and which browser (from its User-Agent), so the officer can tell it is the counter's. */
export interface MirrorScreen {
  joinedAt: string;
  browser: string;
}

interface Pairing {
  code: string;
  sessionId: string;
  officerName: string;
  /** The officer's unit is in training mode: the citizen's screen says "DIỄN TẬP" (docs/admin/training.md). */
  training: boolean;
  token: string | null;
  screen: MirrorScreen | null;
  expiresAt: number;
  state: MirrorState | null;
  version: number;
  confirmedVersion: number | null;
  mirrors: Set<Response>;
  officers: Set<Response>;
}

const PAIRING_MINUTES = 10;
const HEARTBEAT_MS = 20_000;

export type JoinResult = { ok: true; token: string } | { ok: false; reason: "not_found" | "already_joined" };
export type EndReason = "intake_ended" | "revoked" | "session_ended";

export interface MirrorStatus {
  paired: boolean;
  code: string | null;
  joined: boolean;
  version: number;
  confirmed: boolean;
  screen: MirrorScreen | null;
}

export interface MirrorHub {
  pair(sessionId: string, officerName: string, training?: boolean): { code: string };
  join(code: string, userAgent?: string): JoinResult;
  /** Ends the session's pairing (its screen gets a last "ended" event); false when there was none. */
  end(sessionId: string, reason: EndReason): boolean;
  publish(sessionId: string, state: MirrorState): number | undefined;
  confirm(token: string, version: number): boolean;
  /** The citizen confirmed the state currently shown (nothing typed since). */
  isConfirmed(sessionId: string): boolean;
  subscribeMirror(token: string, res: Response): boolean;
  subscribeOfficer(sessionId: string, res: Response): void;
  status(sessionId: string): MirrorStatus;
  /** Drops unjoined codes past their time and pairings whose officer session ended (runs with every heartbeat). */
  sweep(): Promise<void>;
  close(): void;
}

/** A change to replay on the other instances, with the values the origin chose (codes, tokens, versions). */
export type MirrorOp =
  | { op: "pair"; sessionId: string; officerName: string; training: boolean; code: string; expiresAt: number }
  | { op: "join"; code: string; token: string; screen: MirrorScreen }
  | { op: "publish"; sessionId: string; state: MirrorState; version: number; origin: string }
  | { op: "confirm"; token: string; version: number }
  | { op: "end"; sessionId: string; reason: EndReason };

export interface MirrorSync {
  /** This instance's id (ties between two publishes of the same version go to the larger id, everywhere alike). */
  origin: string;
  broadcast(op: MirrorOp): void;
  /** Ops from the other instances (never this one's own). */
  onRemote(handler: (op: MirrorOp) => void): void;
}

/** "Chrome 126 · Android", "Firefox 127 · Windows": enough for the officer to recognise the counter's screen. */
export function browserSummary(userAgent: string | undefined): string {
  const ua = userAgent ?? "";
  const browsers: [RegExp, string][] = [
    [/\bZalo\b/i, "Zalo"],
    [/Edg\/(\d+)/, "Edge"],
    [/OPR\/(\d+)/, "Opera"],
    [/Firefox\/(\d+)/, "Firefox"],
    [/(?:Chrome|Chromium|CriOS)\/(\d+)/, "Chrome"],
    [/Version\/(\d+)[\d.]* .*Safari\//, "Safari"],
  ];
  const systems: [RegExp, string][] = [
    [/Android/, "Android"],
    [/iPhone|iPad|iPod/, "iOS"],
    [/Windows/, "Windows"],
    [/Mac OS X|Macintosh/, "macOS"],
    [/CrOS/, "ChromeOS"],
    [/Linux/, "Linux"],
  ];
  const b = browsers.find(([re]) => re.test(ua));
  const version = b ? (b[0].exec(ua)?.[1]?.split(".")[0] ?? "") : "";
  const system = systems.find(([re]) => re.test(ua))?.[1];
  const name = b ? `${b[1]}${version ? ` ${version}` : ""}` : "Trình duyệt không rõ";
  return system ? `${name} · ${system}` : name;
}

function sse(res: Response): void {
  // no-transform: compression middleware and proxies must not buffer the stream.
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  res.write(": ok\n\n");
}

function send(targets: Set<Response>, payload: unknown): void {
  const data = `data: ${JSON.stringify(payload)}\n\n`;
  for (const r of targets) r.write(data);
}

export interface MirrorHubOptions {
  /** Whether the officer's console session is still live (checked at every heartbeat, HEARTBEAT_MS). */
  sessionAlive?: (sessionId: string) => Promise<boolean>;
  /** Replays this hub's changes on the other instances and theirs here. */
  sync?: MirrorSync;
}

export function createMirrorHub(now: () => number = Date.now, options: MirrorHubOptions = {}): MirrorHub {
  const bySession = new Map<string, Pairing>();
  const byCode = new Map<string, Pairing>();
  const byToken = new Map<string, Pairing>();
  const heartbeat = setInterval(() => {
    for (const p of bySession.values()) for (const r of [...p.mirrors, ...p.officers]) r.write(": ping\n\n");
    void sweep();
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const mirrorView = (p: Pairing) => ({
    type: "state",
    officerName: p.officerName,
    training: p.training,
    state: p.state,
    version: p.version,
    confirmed: p.confirmedVersion === p.version,
  });
  const officerView = (p: Pairing) => ({ type: "status", ...statusOf(p) });
  const statusOf = (p: Pairing | undefined): MirrorStatus => ({
    paired: p !== undefined,
    code: p?.code ?? null,
    joined: (p?.token ?? null) !== null,
    version: p?.version ?? 0,
    confirmed: p !== undefined && p.confirmedVersion === p.version && p.state !== null,
    screen: p?.screen ?? null,
  });

  function drop(p: Pairing, reason?: EndReason): void {
    bySession.delete(p.sessionId);
    byCode.delete(p.code);
    if (p.token) byToken.delete(p.token);
    if (reason) {
      send(p.mirrors, { type: "ended", reason });
      send(p.officers, { type: "status", ...statusOf(undefined), ended: reason });
    }
    for (const r of [...p.mirrors, ...p.officers]) r.end();
  }

  /** Unjoined codes past their time, and pairings whose officer session ended. */
  async function sweep(): Promise<void> {
    for (const p of [...bySession.values()]) {
      if (p.token === null && p.expiresAt < now()) drop(p);
      else if (options.sessionAlive && !(await options.sessionAlive(p.sessionId).catch(() => true))) {
        if (bySession.get(p.sessionId) === p) drop(p, "session_ended");
      }
    }
  }

  const sync = options.sync;

  function applyPair(sessionId: string, officerName: string, training: boolean, code: string, expiresAt: number): void {
    const old = bySession.get(sessionId);
    if (old) drop(old);
    const taken = byCode.get(code);
    if (taken) drop(taken);
    const p: Pairing = {
      code,
      sessionId,
      officerName,
      training,
      token: null,
      screen: null,
      expiresAt,
      state: null,
      version: 0,
      confirmedVersion: null,
      mirrors: new Set(),
      officers: new Set(),
    };
    bySession.set(sessionId, p);
    byCode.set(code, p);
  }

  function applyJoin(p: Pairing, token: string, screen: MirrorScreen): void {
    p.token = token;
    p.screen = screen;
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
    if (op.op === "pair") return applyPair(op.sessionId, op.officerName, op.training, op.code, op.expiresAt);
    if (op.op === "join") {
      const p = byCode.get(op.code);
      // A code joins once everywhere: the first join replayed wins, a later one is ignored.
      return p && p.token === null ? applyJoin(p, op.token, op.screen) : undefined;
    }
    if (op.op === "publish") {
      const p = bySession.get(op.sessionId);
      return p ? applyPublish(p, op.state, op.version, op.origin) : undefined;
    }
    if (op.op === "end") {
      const p = bySession.get(op.sessionId);
      return p ? drop(p, op.reason) : undefined;
    }
    const p = byToken.get(op.token);
    if (p) applyConfirm(p, op.version);
  });

  return {
    pair(sessionId, officerName, training = false) {
      let code: string;
      do code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      while (byCode.has(code));
      const expiresAt = now() + PAIRING_MINUTES * 60_000;
      applyPair(sessionId, officerName, training, code, expiresAt);
      sync?.broadcast({ op: "pair", sessionId, officerName, training, code, expiresAt });
      return { code };
    },
    join(code, userAgent) {
      const p = byCode.get(code.trim());
      if (!p || (p.token === null && p.expiresAt < now())) return { ok: false, reason: "not_found" };
      if (p.token !== null) return { ok: false, reason: "already_joined" };
      const token = randomBytes(24).toString("base64url");
      const screen = { joinedAt: new Date(now()).toISOString(), browser: browserSummary(userAgent) };
      applyJoin(p, token, screen);
      sync?.broadcast({ op: "join", code: p.code, token, screen });
      return { ok: true, token };
    },
    end(sessionId, reason) {
      const p = bySession.get(sessionId);
      if (!p) return false;
      drop(p, reason);
      sync?.broadcast({ op: "end", sessionId, reason });
      return true;
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
    sweep,
    close() {
      clearInterval(heartbeat);
      for (const p of [...bySession.values()]) drop(p);
    },
  };
}
