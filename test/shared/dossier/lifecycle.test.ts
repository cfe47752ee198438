import { describe, expect, it } from "@jest/globals";
import type { DossierEvent, DossierState, DossierTrack, Role, TransitionRow } from "../../../shared/data/lifecycle.js";
import { applyEvent, availableEvents, isTerminalState } from "../../../shared/dossier/lifecycle.js";
import { citizenStatusText, STATE_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";

const normal = (role: Role) => ({ role, track: "normal" as DossierTrack });
const sameDay = (role: Role) => ({ role, track: "same-day" as DossierTrack });

describe("applyEvent: the normal track from intake to return", () => {
  it.each<[DossierState, DossierEvent, Role, DossierState, string | undefined, string | undefined]>([
    ["draft", "receive", "counter_officer", "received", "01", "receipt_issued"],
    ["received", "start_processing", "counter_officer", "processing", undefined, undefined],
    ["received", "start_processing", "processing_officer", "processing", undefined, undefined],
    ["processing", "submit_for_approval", "processing_officer", "awaiting_approval", undefined, undefined],
    ["awaiting_approval", "approve", "leader", "approved", undefined, undefined],
    ["awaiting_approval", "reject", "leader", "rejected", undefined, undefined],
    ["awaiting_approval", "send_back", "leader", "processing", undefined, undefined],
    ["approved", "mark_result_ready", "processing_officer", "result_ready", undefined, "result_ready"],
    ["rejected", "mark_result_ready", "counter_officer", "result_ready", undefined, "result_ready"],
    ["result_ready", "return_result", "counter_officer", "returned", undefined, "returned"],
  ])("%s --%s (%s)--> %s, form %s, notify %s", (from, event, role, to, form, notify) => {
    const r = applyEvent(from, event, normal(role));
    expect(r).toMatchObject({ ok: true, to });
    if (!r.ok) return;
    expect(r.form).toBe(form);
    expect(r.notify).toBe(notify);
  });
});

describe("applyEvent: forms at intake (docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 1)", () => {
  it("issues Mẫu 01 on receipt on the normal track", () => {
    expect(applyEvent("draft", "receive", normal("counter_officer"))).toEqual({
      ok: true,
      to: "received",
      form: "01",
      notify: "receipt_issued",
    });
  });

  it("issues no Mẫu 01 on receipt on the same-day track, but still tells the citizen", () => {
    expect(applyEvent("draft", "receive", sameDay("counter_officer"))).toEqual({
      ok: true,
      to: "received",
      notify: "receipt_issued",
    });
  });

  it("prints Mẫu 01 on a same-day dossier when the applicant asks, without moving it", () => {
    expect(applyEvent("processing", "issue_receipt", sameDay("counter_officer"))).toEqual({
      ok: true,
      to: "processing",
      form: "01",
    });
    expect(availableEvents("received", "counter_officer", "same-day")).toContain("issue_receipt");
  });

  it("offers no separate receipt print on the normal track, where Mẫu 01 was issued at intake", () => {
    expect(applyEvent("processing", "issue_receipt", normal("counter_officer"))).toMatchObject({
      ok: false,
      code: "invalid_transition",
    });
    expect(availableEvents("received", "counter_officer", "normal")).not.toContain("issue_receipt");
  });

  it("answers an incomplete dossier at the counter with Mẫu 02, keeping the draft", () => {
    expect(applyEvent("draft", "request_supplement", normal("counter_officer"))).toEqual({
      ok: true,
      to: "draft",
      form: "02",
      notify: "supplement_requested",
      requires: ["missingDocuments"],
    });
  });

  it("refuses an ineligible dossier with Mẫu 03 and a reason", () => {
    expect(applyEvent("draft", "refuse", normal("counter_officer"))).toEqual({
      ok: true,
      to: "refused",
      form: "03",
      notify: "refused",
      requires: ["reason"],
    });
  });
});

describe("applyEvent: supplement, withdrawal and late handling", () => {
  it.each<[DossierState]>([["received"], ["processing"]])(
    "requests a supplement from %s with Mẫu 02; the clock stops",
    (from) => {
      expect(applyEvent(from, "request_supplement", normal("processing_officer"))).toEqual({
        ok: true,
        to: "awaiting_supplement",
        form: "02",
        notify: "supplement_requested",
        requires: ["missingDocuments", "reason"],
      });
    },
  );

  it.each<[Role]>([["counter_officer"], ["system"]])("resumes processing when the supplement arrives (%s)", (role) => {
    expect(applyEvent("awaiting_supplement", "submit_supplement", normal(role))).toEqual({
      ok: true,
      to: "processing",
    });
  });

  it.each<[DossierState]>([["received"], ["processing"], ["awaiting_supplement"], ["awaiting_approval"]])(
    "stops a dossier in %s at the applicant's request with Mẫu 05",
    (from) => {
      expect(applyEvent(from, "withdraw", normal("system"))).toEqual({
        ok: true,
        to: "withdrawn",
        form: "05",
        requires: ["reason"],
      });
    },
  );

  it.each<[DossierState]>([["approved"], ["result_ready"]])(
    "does not withdraw a dossier already decided (%s)",
    (from) => {
      expect(applyEvent(from, "withdraw", normal("counter_officer"))).toMatchObject({
        ok: false,
        code: "invalid_transition",
      });
    },
  );

  it.each<[DossierState]>([["received"], ["processing"], ["awaiting_approval"], ["approved"], ["rejected"]])(
    "apologises with Mẫu 04 and a new date while in %s, and the dossier keeps its state",
    (from) => {
      expect(applyEvent(from, "extend_due_date", normal("leader"))).toEqual({
        ok: true,
        to: from,
        form: "04",
        notify: "late_apology",
        requires: ["reason", "newDueDate"],
      });
    },
  );

  it("does not apologise for lateness while the clock is stopped for a supplement", () => {
    expect(applyEvent("awaiting_supplement", "extend_due_date", normal("leader"))).toMatchObject({
      ok: false,
      code: "invalid_transition",
    });
  });

  it("sets a new date only once per dossier (Decree 61/2018, cần kiểm tra)", () => {
    const ctx = { ...normal("leader"), history: ["receive", "extend_due_date"] as DossierEvent[] };
    const r = applyEvent("processing", "extend_due_date", ctx);
    expect(r).toMatchObject({ ok: false, code: "already_applied" });
    expect(r.ok ? "" : r.message).toBe(
      "Thao tác \u201cXin lỗi và hẹn lại ngày trả\u201d chỉ được thực hiện một lần cho mỗi hồ sơ.",
    );
    expect(availableEvents("processing", "leader", "normal", { history: ctx.history })).not.toContain(
      "extend_due_date",
    );
    expect(availableEvents("processing", "leader", "normal")).toContain("extend_due_date");
  });
});

describe("applyEvent: roles", () => {
  it.each<[DossierState, DossierEvent, Role]>([
    ["awaiting_approval", "approve", "counter_officer"],
    ["awaiting_approval", "approve", "processing_officer"],
    ["awaiting_approval", "approve", "volunteer"],
    ["awaiting_approval", "approve", "unit_admin"],
    ["awaiting_approval", "reject", "counter_officer"],
    ["draft", "receive", "volunteer"],
    ["draft", "receive", "processing_officer"],
    ["draft", "receive", "province_viewer"],
    ["draft", "receive", "system"],
    ["draft", "edit_draft", "province_viewer"],
    ["result_ready", "return_result", "province_viewer"],
    ["processing", "submit_for_approval", "counter_officer"],
  ])("in %s, %s by %s is forbidden", (state, event, role) => {
    const r = applyEvent(state, event, normal(role));
    expect(r).toMatchObject({ ok: false, code: "forbidden_role" });
  });

  it("lets a volunteer fill in a draft", () => {
    expect(applyEvent("draft", "edit_draft", normal("volunteer"))).toEqual({ ok: true, to: "draft" });
    expect(availableEvents("draft", "volunteer", "normal")).toEqual(["edit_draft"]);
  });

  it("explains a forbidden role in Vietnamese", () => {
    const r = applyEvent("awaiting_approval", "approve", normal("counter_officer"));
    expect(r.ok ? "" : r.message).toBe(
      "Vai trò \u201cCán bộ tiếp nhận (Bộ phận Một cửa)\u201d không được thực hiện thao tác \u201cDuyệt\u201d.",
    );
  });
});

describe("applyEvent: invalid transitions", () => {
  it.each<[DossierState, DossierEvent, Role]>([
    ["draft", "approve", "leader"],
    ["received", "return_result", "counter_officer"],
    ["returned", "receive", "counter_officer"],
    ["refused", "receive", "counter_officer"],
    ["withdrawn", "submit_supplement", "system"],
    ["approved", "approve", "leader"],
    ["processing", "receive", "counter_officer"],
  ])("%s cannot take %s", (state, event, role) => {
    expect(applyEvent(state, event, normal(role))).toMatchObject({ ok: false, code: "invalid_transition" });
  });

  it("explains the refusal with the Vietnamese labels of event and state", () => {
    const r = applyEvent("returned", "receive", normal("counter_officer"));
    expect(r.ok ? "" : r.message).toBe(
      "Không thể \u201cTiếp nhận hồ sơ\u201d khi hồ sơ đang ở trạng thái \u201cĐã trả kết quả\u201d.",
    );
  });

  it("answers unknown strings from storage or HTTP with an error, not a crash", () => {
    const junk = <T>(s: string) => s as unknown as T;
    expect(applyEvent(junk("lost"), "receive", normal("counter_officer"))).toMatchObject({
      ok: false,
      code: "invalid_transition",
    });
    expect(applyEvent("draft", junk("explode"), normal("counter_officer"))).toMatchObject({
      ok: false,
      code: "invalid_transition",
    });
    expect(applyEvent("draft", "receive", normal(junk("root")))).toMatchObject({ ok: false, code: "forbidden_role" });
    expect(applyEvent("draft", "receive", { role: "counter_officer", track: junk("toString") })).toEqual({
      ok: true,
      to: "received",
      form: "01",
      notify: "receipt_issued",
    });
    expect(applyEvent(junk("__proto__"), junk("constructor"), normal("leader")).ok).toBe(false);
  });

  it("reads the table passed in, so a test or a province can supply its own rows", () => {
    const table: TransitionRow[] = [
      { event: "approve", from: ["awaiting_approval"], to: "approved", roles: ["processing_officer"] },
    ];
    expect(applyEvent("awaiting_approval", "approve", normal("processing_officer"), table)).toEqual({
      ok: true,
      to: "approved",
    });
    expect(applyEvent("awaiting_approval", "approve", normal("leader"), table)).toMatchObject({
      ok: false,
      code: "forbidden_role",
    });
  });
});

describe("availableEvents: the console's buttons", () => {
  it.each<[DossierState, Role, DossierTrack, DossierEvent[]]>([
    ["draft", "counter_officer", "normal", ["edit_draft", "receive", "request_supplement", "refuse", "cancel_draft"]],
    ["draft", "system", "normal", ["edit_draft", "cancel_draft"]],
    ["received", "counter_officer", "normal", ["start_processing", "request_supplement", "withdraw"]],
    ["processing", "processing_officer", "normal", ["request_supplement", "submit_for_approval", "extend_due_date"]],
    ["awaiting_approval", "leader", "normal", ["send_back", "approve", "reject", "extend_due_date"]],
    ["awaiting_approval", "counter_officer", "normal", ["withdraw"]],
    ["awaiting_supplement", "counter_officer", "normal", ["submit_supplement", "withdraw"]],
    ["result_ready", "counter_officer", "normal", ["return_result"]],
    ["result_ready", "counter_officer", "same-day", ["return_result", "issue_receipt"]],
    ["returned", "leader", "normal", []],
  ])("%s, %s, %s track → %j", (state, role, track, events) => {
    expect(availableEvents(state, role, track)).toEqual(events);
  });

  it("offers only events that applyEvent accepts", () => {
    for (const state of ["draft", "received", "processing", "awaiting_approval", "result_ready"] as DossierState[])
      for (const role of ["counter_officer", "processing_officer", "leader", "system"] as Role[])
        for (const track of ["normal", "same-day"] as DossierTrack[])
          for (const event of availableEvents(state, role, track))
            expect(applyEvent(state, event, { role, track }).ok).toBe(true);
  });
});

describe("state wording", () => {
  it.each<[DossierState, string]>([
    ["received", "Đã tiếp nhận"],
    ["awaiting_approval", "Chờ lãnh đạo duyệt"],
    ["result_ready", "Đã có kết quả"],
    ["returned", "Đã trả kết quả"],
    ["awaiting_supplement", "Chờ bổ sung hồ sơ"],
    ["refused", "Từ chối tiếp nhận"],
  ])("labels %s as %s", (state, label) => {
    expect(STATE_LABELS_VI[state]).toBe(label);
  });

  it.each<[DossierState, RegExp]>([
    ["draft", /mang giấy tờ đến Bộ phận Một cửa/],
    ["awaiting_supplement", /bổ sung.*không tính vào thời hạn/],
    ["result_ready", /nhận kết quả/],
    ["refused", /không được tiếp nhận/],
    ["returned", /đã nhận kết quả/],
  ])("tells the citizen plainly what %s means", (state, pattern) => {
    expect(citizenStatusText(state)).toMatch(pattern);
  });

  it("falls back to a helpful line for a state it does not know", () => {
    expect(citizenStatusText("archived" as DossierState)).toMatch(/liên hệ Bộ phận Một cửa/);
    expect(citizenStatusText("toString" as DossierState)).toMatch(/liên hệ Bộ phận Một cửa/);
  });

  it.each<[DossierState, boolean]>([
    ["returned", true],
    ["refused", true],
    ["withdrawn", true],
    ["result_ready", false],
    ["draft", false],
  ])("isTerminalState(%s) is %s", (state, terminal) => {
    expect(isTerminalState(state)).toBe(terminal);
  });
});
