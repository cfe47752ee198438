/** @jest-environment jsdom */
/**
 * The first screen (mini-app/src/first-screen.tsx) is the home screen painted before the router and zmp-ui's screens
 * have loaded: a citizen must not see any difference. Its markup is the app's home screen, in every state the home
 * screen has; the app then takes over where the citizen goes, with what was typed still on the home screen it
 * leaves; a later visit to the home screen starts empty, as it always did.
 */
import { afterEach, expect, it } from "@jest/globals";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { UnitSummary } from "../../mini-app/src/api/types.js";
import { KhongHenApp } from "../../mini-app/src/app.js";
import { DepsProvider, type AppDeps } from "../../mini-app/src/deps.js";
import { FirstHome, FirstScreen, opensAtHome } from "../../mini-app/src/first-screen.js";
import { saveLastUnit, saveTicket } from "../../mini-app/src/state/device-store.js";
import { memoryStorage } from "../../mini-app/src/zalo/bridge.js";
import { createFakeZalo } from "../../mini-app/src/zalo/fake-sdk.js";
import { createFakeApi, UNIT } from "./helpers/fake-api.js";

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

const QUANG_KHE: UnitSummary = {
  ...UNIT,
  level: "commune",
  parent: {
    id: "68@2025-07-01",
    code: "68",
    name: "Lâm Đồng",
    type: "tỉnh",
    displayName: "tỉnh Lâm Đồng",
    fullName: "tỉnh Lâm Đồng",
  },
  validFrom: "2025-07-01",
  validTo: null,
};

function deps(): AppDeps {
  const api = createFakeApi();
  api.searchUnits = async () => ({ ok: true, value: { items: [QUANG_KHE] } });
  const storage = memoryStorage();
  saveLastUnit(storage, { code: "24631", name: "xã Quảng Khê" });
  saveTicket(storage, {
    id: "pre-1",
    code: "K7M-4X9-RN",
    unitCode: "24631",
    unitName: "Xã Quảng Khê",
    procedureCode: "1.004873",
    procedureName: "Cấp Giấy xác nhận tình trạng hôn nhân",
    qrPayload: "K7M-4X9-RN",
    whatToBring: [],
    where: "Bộ phận Một cửa, Ủy ban nhân dân xã Quảng Khê",
    when: "Trong giờ hành chính",
    expiresAt: "2027-01-01T00:00:00.000Z",
    savedAt: "2026-12-02T03:00:00.000Z",
  });
  return { api, zalo: createFakeZalo({ storage }), oaId: "" };
}

/** The markup after typing `query` in the home screen's search and waiting for the results. */
async function homeMarkup(container: HTMLElement, query: string): Promise<string> {
  await screen.findByText("Làm thủ tục hành chính không phải viết, không phải hẹn");
  if (query) {
    await act(async () => {
      fireEvent.change(container.querySelector("#unit-search")!, { target: { value: query } });
    });
    await screen.findByRole("list", { name: "Kết quả tìm kiếm" }, { timeout: 3000 });
  }
  return container.innerHTML;
}

it.each([
  ["as it opens", ""],
  ["with search results", "quang khe"],
])("paints the app's home screen markup %s", async (_state, query) => {
  const d = deps();
  const first = render(
    <DepsProvider deps={d}>
      <FirstHome go={() => undefined} />
    </DepsProvider>,
  );
  const firstMarkup = await homeMarkup(first.container, query);
  cleanup();
  const app = render(<KhongHenApp deps={d} router="memory" />);
  const appMarkup = await homeMarkup(app.container, query);
  expect(firstMarkup).toContain("Xem xã Quảng Khê (đã chọn trước đây)");
  expect(firstMarkup).toContain("K7M-4X9-RN");
  expect(firstMarkup).toBe(appMarkup);
});

it("opens at home only without a deep link, under the router's base path", () => {
  expect(opensAtHome("web", "/m/", {})).toBe(true);
  expect(opensAtHome("web", "/m", {})).toBe(true);
  expect(opensAtHome("web", "/", {})).toBe(true);
  expect(opensAtHome("web", "/m/don-vi/24631", {})).toBe(false);
  expect(opensAtHome("web", "/m/", { unit: "24631" })).toBe(false);
  expect(opensAtHome("web", "/m/", { ticket: "K7M-4X9-RN" })).toBe(false);
  expect(opensAtHome("web", "/m/", { dossier: "000.00.01.H29-240115-0001" })).toBe(false);
  expect(opensAtHome("zalo", "/zapps/1234567890/", { env: "TESTING" })).toBe(true);
  expect(opensAtHome("zalo", "/zapps/1234567890/phieu/pre-1", {})).toBe(false);
  expect(opensAtHome("memory", "/", {})).toBe(false);
});

it("hands over to the app where the citizen goes, keeping what was typed on the home screen it leaves", async () => {
  const d = deps();
  const { container } = render(<FirstScreen deps={d} router="web" />);
  await homeMarkup(container, "quang khe");
  expect(container.querySelectorAll(".zaui-routes-item")).toHaveLength(1);

  fireEvent.click(screen.getByRole("button", { name: /^Xã Quảng Khê tỉnh Lâm Đồng/ }));
  await waitFor(() => expect(window.location.pathname).toBe("/don-vi/24631"));
  // The home screen slides out with the search the citizen typed, the unit screen slides in.
  const leaving = container.querySelector<HTMLInputElement>("#unit-search");
  expect(leaving?.value).toBe("quang khe");
  expect(await screen.findByText("Hôm nay là Ngày không hẹn tại xã Quảng Khê: còn 5 giờ đến 15:00.")).toBeTruthy();

  // Back on the home screen later: an empty search, as before.
  await waitFor(() => expect(container.querySelectorAll(".zaui-routes-item")).toHaveLength(1), { timeout: 3000 });
  await act(async () => {
    window.history.back();
  });
  await waitFor(() => expect(window.location.pathname).toBe("/"));
  await waitFor(() => expect(container.querySelectorAll("#unit-search")).toHaveLength(1));
  expect(container.querySelector<HTMLInputElement>("#unit-search")!.value).toBe("");
});
