/**
 * The console's route table documents itself: /console/api/openapi.json lists every table route with its
 * request schema, its error codes and the permission it requires, for a signed-in officer; nobody else reads it.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import {
  consoleClient,
  QUANG_KHE,
  signedInOfficers,
  startConsoleServer,
  type ConsoleServer,
} from "./helpers/console-server.js";

type Doc = {
  openapi: string;
  info: { title: string };
  paths: Record<
    string,
    Record<string, { "x-permission"?: string; requestBody?: unknown; responses: Record<string, unknown> }>
  >;
};

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;

  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("a signed-in officer reads the console's OpenAPI document, generated from the route table", async () => {
    const [counter] = await signedInOfficers(s, [["oa.motcua", "counter_officer", QUANG_KHE]]);
    const { status, body } = await counter!.client.json<Doc>("GET", "/console/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(body.info.title).toBe("Khong Hen officer console API");
    const lookup = body.paths["/console/api/intake/lookup"]!.post!;
    expect(lookup.requestBody).toBeDefined();
    expect(Object.keys(lookup.responses)).toEqual(expect.arrayContaining(["200", "403", "404", "429"]));
    expect(body.paths["/console/api/feedback/{id}/answer"]!.post!["x-permission"]).toBe("feedback.answer");
    expect(body.paths["/console/api/settings/alert"]!.put!["x-permission"]).toBe("settings.leader_alert");
    // The areas mounted under their own prefix and the sign-in routes are documented from their tables too.
    expect(body.paths["/console/api/chatbot/area"]!.put!["x-permission"]).toBe("chatbot.edit_area");
    expect(body.paths["/console/api/data-requests/{id}/answer"]!.post!["x-permission"]).toBe("data_requests.answer");
    expect(body.paths["/console/api/notifications/{outboxId}/redrive"]!.post!["x-permission"]).toBe(
      "notifications.redrive",
    );
    expect(body.paths["/console/api/zalo/dossiers/{dossierId}/phone"]!.put!.requestBody).toBeDefined();
    expect(Object.keys(body.paths["/console/api/office-contact"]!)).toEqual(["get", "put"]);
    expect(Object.keys(body.paths["/console/api/conversations/{id}/handled"]!)).toEqual(["post"]);
    expect(Object.keys(body.paths["/console/api/login"]!.post!.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "429"]),
    );
  });

  it("without a session the document is refused like every officer route", async () => {
    const anonymous = await consoleClient(s.baseUrl);
    const res = await anonymous.get("/console/api/openapi.json");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_signed_in");
  });
});
