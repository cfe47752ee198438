/** The officer's side of the citizen mirror: pair, publish the fields as typed (debounced), follow the citizen's confirmation. */
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api.js";
import type { MirrorStatusReply } from "../../../../shared/console/mirror.js";

type MirrorStatus = MirrorStatusReply;

const UNPAIRED: MirrorStatus = { paired: false, code: null, joined: false, version: 0, confirmed: false, screen: null };

export function useMirror() {
  const [status, setStatus] = useState<MirrorStatus>(UNPAIRED);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const last = useRef("");
  const paired = status.code !== null;

  useEffect(() => {
    api<MirrorStatus>("GET", "/mirror/status").then(setStatus, () => undefined);
  }, []);

  useEffect(() => {
    if (!paired) return;
    const es = new EventSource("/console/api/mirror/events");
    es.onmessage = (m) => setStatus(JSON.parse(m.data as string) as MirrorStatus);
    return () => es.close();
  }, [paired, status.code]);

  const pair = useCallback(async (openWindow: boolean) => {
    const r = await api<{ code: string }>("POST", "/mirror/pair");
    last.current = "";
    setStatus({ ...UNPAIRED, paired: true, code: r.code });
    if (openWindow) window.open(`/console/mirror?code=${r.code}`, "kh-mirror", "popup,width=1000,height=800");
  }, []);

  const show = useCallback(
    (title: string, fields: { label: string; value: string }[]) => {
      if (!paired) return;
      const payload = JSON.stringify({ title, fields });
      if (payload === last.current) return;
      clearTimeout(pending.current);
      // Sent until the server took it: a lost request (a busy counter PC, a brief network drop) is tried again, so the
      // citizen never checks a screen that stopped following what was typed.
      const publish = (attempt: number) => {
        api("POST", "/mirror/state", { title, fields }).then(
          () => void (last.current = payload),
          () => {
            if (attempt < 5) pending.current = setTimeout(() => publish(attempt + 1), 500);
          },
        );
      };
      pending.current = setTimeout(() => publish(1), 200);
    },
    [paired],
  );

  const revoke = useCallback(async () => {
    await api("POST", "/mirror/revoke");
    last.current = "";
    setStatus(UNPAIRED);
  }, []);

  return {
    code: status.code,
    joined: status.joined,
    confirmed: status.confirmed,
    screen: status.screen,
    pair,
    show,
    revoke,
  };
}
