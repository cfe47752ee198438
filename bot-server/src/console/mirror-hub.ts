/**
 * The citizen mirror ("màn hình đối chiếu"): a second, citizen-facing screen paired to one officer session by a
 * short code. The console publishes the fields as they are typed; the mirror receives them by server-sent events
 * and shows them in large type; the citizen's "Thông tin đúng" confirms exactly the version on screen, and any
 * later edit withdraws the confirmation. State lives in this process (one server per counter office).
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
  pair(sessionId: string, officerName: string): { code: string };
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

/** "Chrome 126 · Android", "Firefox 127 · Windows": enough for the officer to recognise the counter's screen. */
export function browserSummary(userAgent: string | undefined): string {
  const ua = userAgent ?? "";
  const browsers: [RegExp, string][] = [
    [/\bZalo\b/i, "Zalo"], [/Edg\/(\d+)/, "Edge"], [/OPR\/(\d+)/, "Opera"], [/Firefox\/(\d+)/, "Firefox"],
    [/(?:Chrome|Chromium|CriOS)\/(\d+)/, "Chrome"], [/Version\/(\d+)[\d.]* .*Safari\//, "Safari"],
  ];
  const systems: [RegExp, string][] = [
    [/Android/, "Android"], [/iPhone|iPad|iPod/, "iOS"], [/Windows/, "Windows"], [/Mac OS X|Macintosh/, "macOS"], [/CrOS/, "ChromeOS"], [/Linux/, "Linux"],
  ];
  const b = browsers.find(([re]) => re.test(ua));
  const version = b ? (b[0].exec(ua)?.[1]?.split(".")[0] ?? "") : "";
  const system = systems.find(([re]) => re.test(ua))?.[1];
  const name = b ? `${b[1]}${version ? ` ${version}` : ""}` : "Trình duyệt không rõ";
  return system ? `${name} · ${system}` : name;
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

export interface MirrorHubOptions {
  /** Whether the officer's console session is still live (checked at every heartbeat, HEARTBEAT_MS). */
  sessionAlive?: (sessionId: string) => Promise<boolean>;
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

  const mirrorView = (p: Pairing) => ({ type: "state", officerName: p.officerName, state: p.state, version: p.version, confirmed: p.confirmedVersion === p.version });
  const officerView = (p: Pairing) => ({ type: "status", ...statusOf(p) });
  const statusOf = (p: Pairing | undefined): MirrorStatus => ({
    paired: p !== undefined, code: p?.code ?? null, joined: (p?.token ?? null) !== null, version: p?.version ?? 0,
    confirmed: p !== undefined && p.confirmedVersion === p.version && p.state !== null, screen: p?.screen ?? null,
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

  return {
    pair(sessionId, officerName) {
      const old = bySession.get(sessionId);
      if (old) drop(old);
      let code: string;
      do code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      while (byCode.has(code));
      const p: Pairing = {
        code, sessionId, officerName, token: null, screen: null, expiresAt: now() + PAIRING_MINUTES * 60_000, state: null, version: 0, confirmedVersion: null,
        mirrors: new Set(), officers: new Set(),
      };
      bySession.set(sessionId, p);
      byCode.set(code, p);
      return { code };
    },
    join(code, userAgent) {
      const p = byCode.get(code.trim());
      if (!p || (p.token === null && p.expiresAt < now())) return { ok: false, reason: "not_found" };
      if (p.token !== null) return { ok: false, reason: "already_joined" };
      p.token = randomBytes(24).toString("base64url");
      p.screen = { joinedAt: new Date(now()).toISOString(), browser: browserSummary(userAgent) };
      byToken.set(p.token, p);
      send(p.officers, officerView(p));
      return { ok: true, token: p.token };
    },
    end(sessionId, reason) {
      const p = bySession.get(sessionId);
      if (!p) return false;
      drop(p, reason);
      return true;
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
    sweep,
    close() {
      clearInterval(heartbeat);
      for (const p of [...bySession.values()]) drop(p);
    },
  };
}
