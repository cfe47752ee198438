import { describe, expect, it } from "@jest/globals";
import {
  DOSSIER_EVENTS,
  DOSSIER_STATES,
  DOSSIER_TRACKS,
  DOSSIER_TRANSITIONS,
  ROLES,
  STATE_TABLE,
  type DossierState,
} from "../../../shared/data/lifecycle.js";
import { ONE_STOP_FORMS } from "../../../shared/data/one-stop-forms.js";
import { availableEvents } from "../../../shared/dossier/lifecycle.js";
import { EVENT_LABELS_VI, ROLE_LABELS_VI, STATE_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";

const TERMINAL = DOSSIER_STATES.filter((s) => STATE_TABLE[s].terminal);

describe("one-stop forms data (TT 03/2025/TT-VPCP Phụ lục I)", () => {
  it("lists Mẫu 01 to 07 once each, in order", () => {
    expect(ONE_STOP_FORMS.map((f) => f.code)).toEqual(["01", "02", "03", "04", "05", "06", "07"]);
  });

  it("names the 2025 forms as docs/domain/scheme.md#one-stop-forms does", () => {
    const byCode = Object.fromEntries(ONE_STOP_FORMS.map((f) => [f.code, f.name]));
    expect(byCode["01"]).toBe("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
    expect(byCode["04"]).toBe("Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết");
    expect(byCode["05"]).toBe("Thông báo dừng giải quyết hồ sơ");
    expect(byCode["07"]).toBe("Sổ theo dõi hồ sơ");
  });

  it("maps renumbered forms to their 2018 numbers (2018 Mẫu 05/06 became 06/07; Mẫu 05 is new)", () => {
    const legacy = Object.fromEntries(ONE_STOP_FORMS.map((f) => [f.code, f.legacy2018?.code]));
    expect(legacy).toEqual({ "01": "01", "02": "02", "03": "03", "04": "04", "05": undefined, "06": "05", "07": "06" });
  });

  it("flags every form 'cần kiểm tra' because only names were seen [S]", () => {
    expect(ONE_STOP_FORMS.every((f) => f.toVerify && f.evidence === "S" && f.source.length > 0)).toBe(true);
  });
});

describe("lifecycle table", () => {
  it("names only forms that exist in one-stop-forms", () => {
    const codes = new Set(ONE_STOP_FORMS.map((f) => f.code));
    for (const row of DOSSIER_TRANSITIONS) {
      const named = [row.form, ...Object.values(row.formByTrack ?? {})].filter((f) => f != null);
      for (const form of named) expect(codes).toContain(form);
    }
  });

  it("has exactly one row for any event, state and track (no ambiguity)", () => {
    for (const event of DOSSIER_EVENTS)
      for (const state of DOSSIER_STATES)
        for (const track of DOSSIER_TRACKS) {
          const rows = DOSSIER_TRANSITIONS.filter(
            (r) => r.event === event && r.from.includes(state) && (r.tracks ?? DOSSIER_TRACKS).includes(track),
          );
          expect(rows.length).toBeLessThanOrEqual(1);
        }
  });

  it("reaches every state from draft", () => {
    const seen = new Set<DossierState>(["draft"]);
    const queue: DossierState[] = ["draft"];
    while (queue.length > 0) {
      const state = queue.shift()!;
      for (const row of DOSSIER_TRANSITIONS.filter((r) => r.from.includes(state))) {
        const to = row.to === "unchanged" ? state : row.to;
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...DOSSIER_STATES].sort());
  });

  it("treats returned, refused and withdrawn as the terminal states", () => {
    expect(TERMINAL.sort()).toEqual(["refused", "returned", "withdrawn"]);
  });

  it.each(TERMINAL)("lets no event leave terminal state %s", (state) => {
    expect(DOSSIER_TRANSITIONS.filter((r) => r.from.includes(state))).toEqual([]);
    for (const role of ROLES)
      for (const track of DOSSIER_TRACKS) expect(availableEvents(state, role, track)).toEqual([]);
  });

  it("leaves no non-terminal state without a way forward", () => {
    for (const state of DOSSIER_STATES.filter((s) => !STATE_TABLE[s].terminal)) {
      expect(DOSSIER_TRANSITIONS.some((r) => r.from.includes(state) && r.to !== "unchanged")).toBe(true);
    }
  });

  it("stops the legal clock only while waiting for a supplement", () => {
    expect(DOSSIER_STATES.filter((s) => STATE_TABLE[s].clock === "stopped")).toEqual(["awaiting_supplement"]);
  });

  it("lets province_viewer and unit_admin fire nothing in any state", () => {
    for (const state of DOSSIER_STATES)
      for (const track of DOSSIER_TRACKS) {
        expect(availableEvents(state, "province_viewer", track)).toEqual([]);
        expect(availableEvents(state, "unit_admin", track)).toEqual([]);
      }
  });

  it("lets a volunteer only fill in drafts: never receive, approve or return", () => {
    const volunteerEvents = new Set(
      DOSSIER_TRANSITIONS.filter((r) => r.roles.includes("volunteer")).map((r) => r.event),
    );
    expect([...volunteerEvents]).toEqual(["edit_draft"]);
    for (const row of DOSSIER_TRANSITIONS) {
      if (row.roles.includes("volunteer")) expect(row.from).toEqual(["draft"]);
    }
  });

  it("keeps approval decisions with the leader: counter officers cannot approve or reject", () => {
    for (const event of ["approve", "reject", "send_back"] as const) {
      const roles = DOSSIER_TRANSITIONS.filter((r) => r.event === event).flatMap((r) => r.roles);
      expect(roles).toEqual(["leader"]);
    }
  });

  it("marks rows that encode unverified rules 'cần kiểm tra' with a source", () => {
    for (const row of DOSSIER_TRANSITIONS.filter((r) => r.toVerify)) expect(row.source).toMatch(/\[(U|S|\?)\]/);
    expect(DOSSIER_TRANSITIONS.find((r) => r.event === "receive")?.toVerify).toBe(true);
    expect(DOSSIER_TRANSITIONS.find((r) => r.event === "extend_due_date")?.toVerify).toBe(true);
  });
});

describe("Vietnamese labels", () => {
  it("labels every state, event and role in Vietnamese", () => {
    for (const s of DOSSIER_STATES) expect(STATE_LABELS_VI[s]).toBeTruthy();
    for (const e of DOSSIER_EVENTS) expect(EVENT_LABELS_VI[e]).toBeTruthy();
    for (const r of ROLES) expect(ROLE_LABELS_VI[r]).toBeTruthy();
  });

  it("gives distinct state labels, so the console never shows two states alike", () => {
    expect(new Set(Object.values(STATE_LABELS_VI)).size).toBe(DOSSIER_STATES.length);
  });
});
