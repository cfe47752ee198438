/** @jest-environment jsdom */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { KhongHenApp } from "../../mini-app/src/app.js";
import { loadDraft, loadTickets, saveDraft } from "../../mini-app/src/state/device-store.js";
import { memoryStorage, type DeviceStorage } from "../../mini-app/src/zalo/bridge.js";
import { createFakeZalo, type FakeZalo } from "../../mini-app/src/zalo/fake-sdk.js";
import { createFakeApi, PROCEDURE, type FakeApi } from "./helpers/fake-api.js";

afterEach(cleanup);
// Screens change through page transitions and lazy chunks; a loaded CI machine needs more than the 1 s default.
configure({ asyncUtilTimeout: 8000 });

function mount(api: FakeApi, storage: DeviceStorage, scan: string | null = null): FakeZalo {
  const zalo = createFakeZalo({ storage, search: "?unit=24631", scanPayload: scan });
  render(<KhongHenApp deps={{ api, zalo, oaId: "" }} router="memory" />);
  return zalo;
}

const click = async (name: string | RegExp) => {
  const el = await screen.findByRole("button", { name });
  await act(async () => {
    fireEvent.click(el);
  });
};

/** From the unit page (deep link) to the first question of 1.004873, typing by hand for oneself. */
async function openPreEntry() {
  await click(/Cấp Giấy xác nhận tình trạng hôn nhân/);
  await click("Khai trước thông tin");
}

async function startForMyself() {
  await openPreEntry();
  fireEvent.click(await screen.findByRole("checkbox"));
  await click("Đồng ý và tiếp tục");
  await click("Cho chính tôi");
}

/** Every answer of 1.004873 for a synthetic citizen applying for themself. */
const COMPLETE_FORM = {
  recipientAgency: "Ủy ban nhân dân xã Quảng Khê",
  requesterName: "Nguyễn Văn Thử",
  requesterBirthDate: "1985-06-15",
  requesterResidence: "Thôn 3, xã Quảng Khê",
  requesterIdType: "Căn cước công dân",
  requesterIdNumber: "067085000001",
  requesterIdIssuedOn: "2021-04-20",
  requesterIdIssuer: "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
  relationship: "Bản thân",
  subjectName: "Nguyễn Văn Thử",
  subjectBirthDate: "1985-06-15",
  subjectSex: "Nam",
  subjectEthnicity: "Kinh",
  subjectNationality: "Việt Nam",
  subjectResidence: "Thôn 3, xã Quảng Khê",
  subjectIdType: "Căn cước công dân",
  subjectIdNumber: "067085000001",
  subjectIdIssuedOn: "2021-04-20",
  subjectIdIssuer: "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
  maritalStatus: "Hiện tại chưa đăng ký kết hôn với ai",
  purpose: "Bổ sung hồ sơ vay vốn",
};

const currentStep = () => document.querySelector("[data-step]")?.getAttribute("data-step");
/** The step's text field (the home screen the deep link replaced may still be sliding out with its own fields). */
const stepTextbox = () =>
  within(document.querySelector<HTMLElement>("[data-step]")!).getByRole("textbox") as HTMLInputElement;

describe("pre-entry in the mini app", () => {
  it("keeps every answer on the device when the network drops, and resumes there after the app is reopened", async () => {
    const api = createFakeApi();
    const storage = memoryStorage();
    mount(api, storage);
    await startForMyself();
    await waitFor(() => expect(currentStep()).toBe("recipientAgency"));
    expect(stepTextbox().value).toBe("Ủy ban nhân dân xã Quảng Khê");
    await click("Tiếp tục");
    await waitFor(() => expect(currentStep()).toBe("requesterName"));

    api.offline = true;
    fireEvent.change(stepTextbox(), { target: { value: "Nguyễn Văn Thử" } });
    await click("Tiếp tục");
    expect(await screen.findByText("Chưa gửi được lên máy chủ (mất kết nối).")).toBeTruthy();
    await waitFor(() => expect(currentStep()).toBe("requesterBirthDate"));
    const saved = loadDraft(storage, "24631", "1.004873");
    expect(saved?.formData.requesterName).toBe("Nguyễn Văn Thử");
    expect(saved?.unsynced).toBe(true);

    cleanup();
    api.offline = false;
    mount(api, storage);
    await openPreEntry();
    expect(await screen.findByText("Bạn đang tiếp tục bản khai đã lưu trên máy này.")).toBeTruthy();
    await waitFor(() => expect(currentStep()).toBe("requesterBirthDate"));
  });

  it("a tap on the next question while the first save is still out is kept when the save answers", async () => {
    const api = createFakeApi();
    const storage = memoryStorage();
    let release = () => {};
    api.holdSaves = new Promise<void>((r) => (release = r));
    mount(api, storage);
    await openPreEntry();
    fireEvent.click(await screen.findByRole("checkbox"));
    await click("Đồng ý và tiếp tục");
    await click("Cho chính tôi");
    await waitFor(() => expect(currentStep()).toBe("recipientAgency"));
    expect(api.calls).toContain("createPreRegistration");
    api.holdSaves = null;
    await act(async () => release());
    await waitFor(() => expect(loadDraft(storage, "24631", "1.004873")?.serverId).toBe("pre-1"));
    expect(currentStep()).toBe("recipientAgency");
    expect(loadDraft(storage, "24631", "1.004873")?.position).toBe("recipientAgency");
  });

  it("shows a field error from the server beside its answer, keeps every answer, and sends again", async () => {
    const api = createFakeApi();
    const storage = memoryStorage();
    const created = await api.createPreRegistration({
      unitCode: "24631",
      procedureCode: "1.004873",
      formData: {},
      consent: { accepted: true, version: "2025-07-01" },
    });
    if (!created.ok) throw new Error("fake create failed");
    saveDraft(storage, {
      unitCode: "24631",
      procedureCode: "1.004873",
      versionId: PROCEDURE.versionId,
      serverId: created.value.id,
      formData: COMPLETE_FORM,
      position: "check",
      consentVersion: "2025-07-01",
      updatedAt: "2026-12-02T03:00:00.000Z",
      unsynced: true,
    });
    api.refuseNextSubmit = [{ path: "formData.purpose", message: "Mục đích sử dụng cần ghi rõ nơi nộp giấy xác nhận" }];

    const zalo = mount(api, storage);
    await openPreEntry();
    await waitFor(() => expect(currentStep()).toBe("check"));
    await click("Gửi thông tin");

    const row = await waitFor(() => {
      const r = document.querySelector('[data-field="purpose"]') as HTMLElement | null;
      if (!r || !within(r).queryByRole("alert")) throw new Error("no message beside purpose yet");
      return r;
    });
    expect(within(row).getByRole("alert").textContent).toBe("Mục đích sử dụng cần ghi rõ nơi nộp giấy xác nhận");
    expect(within(row).getByText("Bổ sung hồ sơ vay vốn")).toBeTruthy();
    expect(
      screen.getByText("Tờ khai chưa đủ thông tin bắt buộc, vui lòng bổ sung các trường được đánh dấu."),
    ).toBeTruthy();
    expect(loadDraft(storage, "24631", "1.004873")?.formData).toEqual(COMPLETE_FORM);

    await click("Gửi thông tin");
    expect(await screen.findByTestId("ticket-code")).toBeTruthy();
    expect(screen.getByTestId("ticket-code").textContent).toBe(created.value.code);
    expect(loadDraft(storage, "24631", "1.004873")).toBeUndefined();
    expect(loadTickets(storage).map((t) => t.code)).toEqual([created.value.code]);

    // Notifications are offered on the ticket, where they help, and were never asked for before.
    expect(zalo.calls.map((c) => c.api)).not.toContain("requestSendNotification");
    await click("Nhận thông báo khi có kết quả");
    expect(await screen.findByText("Bạn sẽ nhận tin nhắn Zalo khi có kết quả.")).toBeTruthy();
    expect(zalo.calls.map((c) => c.api)).toEqual(["requestSendNotification"]);
    expect(api.calls).toContain("reportNotificationOptIn");
  });

  it("asks for consent again when the notice changed, then returns to the answers and sends them", async () => {
    const api = createFakeApi();
    const storage = memoryStorage();
    const created = await api.createPreRegistration({
      unitCode: "24631",
      procedureCode: "1.004873",
      formData: {},
      consent: { accepted: true, version: "2024-01-01" },
    });
    if (!created.ok) throw new Error("fake create failed");
    saveDraft(storage, {
      unitCode: "24631",
      procedureCode: "1.004873",
      serverId: created.value.id,
      formData: COMPLETE_FORM,
      position: "check",
      consentVersion: "2024-01-01",
      updatedAt: "2026-12-02T03:00:00.000Z",
      unsynced: true,
    });
    api.refuseNextSave = {
      status: 422,
      code: "consent_outdated",
      message: "Thông báo xử lý dữ liệu cá nhân đã được cập nhật, vui lòng đọc và đồng ý lại.",
    };
    mount(api, storage);
    await openPreEntry();
    await waitFor(() => expect(currentStep()).toBe("check"));
    await click("Gửi thông tin");
    expect(await screen.findByRole("heading", { name: "Thông báo xử lý dữ liệu cá nhân" })).toBeTruthy();
    expect(loadDraft(storage, "24631", "1.004873")?.consentVersion).toBeUndefined();
    expect(loadDraft(storage, "24631", "1.004873")?.formData.requesterName).toBe("Nguyễn Văn Thử");
    fireEvent.click(screen.getByRole("checkbox"));
    await click("Đồng ý và tiếp tục");
    await waitFor(() => expect(currentStep()).toBe("check"));
    expect(loadDraft(storage, "24631", "1.004873")?.consentVersion).toBe("2025-07-01");
    await click("Gửi thông tin");
    expect((await screen.findByTestId("ticket-code")).textContent).toBe(created.value.code);
    expect(api.records.get(created.value.id)?.formData).toMatchObject({
      requesterName: "Nguyễn Văn Thử",
      purpose: COMPLETE_FORM.purpose,
    });
  });

  it("fills the identity questions from a scanned CCCD only after the citizen confirms, and never stores the raw QR", async () => {
    const api = createFakeApi();
    const written: string[] = [];
    const inner = memoryStorage();
    const storage: DeviceStorage = { ...inner, setItem: (k, v) => (written.push(v), inner.setItem(k, v)) };
    const raw =
      "067085000001|245000001|Nguyễn Văn Thử|15061985|Nam|Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông|20042021";
    mount(api, storage, raw);
    await startForMyself();
    await click("Quét CCCD");
    expect(await screen.findByText("Thông tin đọc được từ thẻ căn cước")).toBeTruthy();
    expect(loadDraft(storage, "24631", "1.004873")?.formData.requesterName).toBeUndefined();
    await click("Đúng, dùng thông tin này");
    await waitFor(() => expect(currentStep()).toBe("recipientAgency"));
    const saved = loadDraft(storage, "24631", "1.004873")!;
    expect(saved.formData).toMatchObject({
      requesterName: "Nguyễn Văn Thử",
      subjectName: "Nguyễn Văn Thử",
      subjectSex: "Nam",
      requesterIdNumber: "067085000001",
    });
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((v) => v.includes(raw) || v.includes("245000001"))).toEqual([]);
  });

  it("says why a QR that is not a CCCD cannot be used, and offers to type instead", async () => {
    const api = createFakeApi();
    mount(api, memoryStorage(), "000201010211265700...VIETQR");
    await startForMyself();
    await click("Quét CCCD");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("không phải mã QR trên thẻ");
    expect(alert.textContent).toContain("Hoặc bấm “Tôi tự nhập” để điền bằng tay.");
    expect(alert.textContent).not.toContain("VIETQR");
    expect(screen.getByRole("button", { name: "Tôi tự nhập" })).toBeTruthy();
  });
});
