/** @jest-environment jsdom */
/**
 * "Nhận tin nhắn kết quả qua số điện thoại" in the Mini App: nothing is asked before the citizen presses the button;
 * then getPhoneNumber() gives a token (never a number) that goes to the server, the number comes back masked, and
 * the citizen can erase it. A refusal keeps the screen calm.
 */
import { afterEach, expect, it } from "@jest/globals";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { DepsProvider } from "../../mini-app/src/deps.js";
import { PhoneOptIn } from "../../mini-app/src/components/PhoneOptIn.js";
import { memoryStorage } from "../../mini-app/src/zalo/bridge.js";
import { createFakeZalo, FAKE_PHONE_TOKEN } from "../../mini-app/src/zalo/fake-sdk.js";
import { createFakeApi } from "./helpers/fake-api.js";

afterEach(cleanup);

const press = async (name: string) => {
  const el = await screen.findByRole("button", { name });
  await act(async () => {
    fireEvent.click(el);
  });
};

it("asks Zalo for the phone token only on the button, sends the token, shows the number masked, and erases it", async () => {
  const api = createFakeApi();
  const savePhone = api.savePhoneFromZalo;
  const sent: string[] = [];
  api.savePhoneFromZalo = (token) => {
    sent.push(token);
    return savePhone(token);
  };
  const zalo = createFakeZalo({ storage: memoryStorage() });
  render(
    <DepsProvider deps={{ api, zalo, oaId: "" }}>
      <PhoneOptIn />
    </DepsProvider>,
  );
  expect(screen.getByText(/Số điện thoại chỉ dùng để báo kết quả hồ sơ/)).toBeTruthy();
  expect(zalo.calls).toEqual([]);

  await press("Nhận tin nhắn kết quả qua số điện thoại");
  expect(
    await screen.findByText(/^Kết quả cũng sẽ được nhắn tới số 0912\u00a0\*\*\*\u00a0678\.$/, { normalizer: (t) => t }),
  ).toBeTruthy();
  expect(zalo.calls.map((c) => c.api)).toEqual(["getPhoneNumber"]);
  expect(sent).toEqual([FAKE_PHONE_TOKEN]);

  await press("Xóa số điện thoại này");
  expect(await screen.findByRole("button", { name: "Nhận tin nhắn kết quả qua số điện thoại" })).toBeTruthy();
  expect(api.calls).toContain("erasePhone");
});

it("a refusal in Zalo sends nothing to the server", async () => {
  const api = createFakeApi();
  const zalo = createFakeZalo({ storage: memoryStorage(), permission: "denied" });
  render(
    <DepsProvider deps={{ api, zalo, oaId: "" }}>
      <PhoneOptIn />
    </DepsProvider>,
  );
  await press("Nhận tin nhắn kết quả qua số điện thoại");
  expect(await screen.findByText("Bạn chưa cho phép dùng số điện thoại.")).toBeTruthy();
  expect(api.calls).not.toContain("savePhoneFromZalo");
});

it("is not offered in a plain browser, where there is no Zalo account", () => {
  const zalo = createFakeZalo({ storage: memoryStorage(), notify: false });
  render(
    <DepsProvider deps={{ api: createFakeApi(), zalo, oaId: "" }}>
      <PhoneOptIn />
    </DepsProvider>,
  );
  expect(screen.queryByText(/Nhận tin nhắn kết quả qua số điện thoại/)).toBeNull();
});
