/**
 * The counter's side of the citizen path through the officer console's API, signed in with the demo officers
 * whose one-time passwords the server printed at first start: look up the pre-registration code, receive it
 * with the documents every 1.004873 dossier needs, then move the dossier on as the processing officer and the
 * leader would.
 */
import { consoleClient } from "../../console/helpers/console-server.js";

type Client = Awaited<ReturnType<typeof consoleClient>>;

/** "  quangkhe.motcua      WkjRbDDwAnCADJ94  (counter_officer)" lines from the first start. */
export function demoPasswords(printed: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of printed.matchAll(/^\s+(\S+)\s+(\S+)\s+\((\w+)\)\s*$/gm)) found.set(m[1]!, m[2]!);
  return found;
}

export interface CounterDesk {
  receive(preRegistrationCode: string): Promise<{ dossierId: string; code: string; track: string; dueDate: string }>;
  fire(dossierId: string, event: string, as: "processor" | "leader" | "counter"): Promise<string>;
}

export async function counterDesk(baseUrl: string, printed: string, alwaysDocuments: string[]): Promise<CounterDesk> {
  const passwords = demoPasswords(printed);
  const login = async (username: string): Promise<Client> => {
    const password = passwords.get(username);
    if (!password) throw new Error(`no printed password for ${username}`);
    const c = await consoleClient(baseUrl);
    const res = await c.login(username, password);
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return c;
  };
  // Each officer signs in on first use (a sign-in costs an argon2 check on the server).
  const usernames = { counter: "quangkhe.motcua", processor: "quangkhe.xuly", leader: "quangkhe.chutich" } as const;
  const signedIn = new Map<keyof typeof usernames, Promise<Client>>();
  const desk = (as: keyof typeof usernames): Promise<Client> => {
    if (!signedIn.has(as)) signedIn.set(as, login(usernames[as]));
    return signedIn.get(as)!;
  };
  return {
    async receive(code) {
      const counter = await desk("counter");
      const found = await counter.json<{
        kind: string;
        procedureCode: string;
        formData: Record<string, unknown>;
      }>("POST", "/console/api/intake/lookup", { code });
      if (found.status !== 200 || found.body.kind !== "pre_registration")
        throw new Error(`lookup ${code}: ${found.status} ${JSON.stringify(found.body)}`);
      const received = await counter.json<{ dossierId: string; code: string; track: string; dueDate: string }>(
        "POST",
        "/console/api/intake/receive",
        {
          preRegistrationCode: code,
          procedureCode: found.body.procedureCode,
          formData: found.body.formData,
          documents: alwaysDocuments.map((id) => ({ id, count: 1, received: true })),
          caseFlags: [],
        },
      );
      if (received.status !== 200)
        throw new Error(`receive ${code}: ${received.status} ${JSON.stringify(received.body)}`);
      return received.body;
    },
    async fire(dossierId, event, as) {
      const r = await (
        await desk(as)
      ).json<{ state: string }>("POST", `/console/api/dossiers/${dossierId}/events`, { event });
      if (r.status !== 200) throw new Error(`${event}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.state;
    },
  };
}
