/**
 * "Nhận tin nhắn kết quả qua số điện thoại": when no Zalo message can reach the citizen, the result goes by ZNS to
 * the phone number of their Zalo account. Asked only here, next to the result it serves, with what the number is
 * used for; pressing the button is the agreement. zmp-sdk getPhoneNumber() gives a token the server exchanges
 * (https://mini.zalo.me/documents/api/getPhoneNumber/); the number is shown masked and can be erased at once.
 */
import { useState } from "react";
import { Button } from "zmp-ui";
import { useDeps } from "../deps.js";
import { readJson, removeKey, writeJson } from "../state/device-store.js";
import { Icon } from "./icons.js";
import { Notice } from "./Notice.js";

const PHONE_KEY = "phoneOptIn";

type State =
  { kind: "idle" | "busy" | "refused" } | { kind: "on"; masked: string } | { kind: "failed"; message: string };

export function PhoneOptIn() {
  const { zalo, api } = useDeps();
  const [state, setState] = useState<State>(() => {
    const saved = readJson<{ masked: string }>(zalo.storage, PHONE_KEY);
    return saved?.masked ? { kind: "on", masked: saved.masked } : { kind: "idle" };
  });

  if (!zalo.capabilities.notify) return null;

  const ask = async () => {
    setState({ kind: "busy" });
    const token = await zalo.getPhoneNumber();
    if (!token.ok) {
      setState(
        token.error.code === "denied" || token.error.code === "cancelled"
          ? { kind: "refused" }
          : { kind: "failed", message: "Chưa lấy được số điện thoại từ Zalo. Vui lòng thử lại sau." },
      );
      return;
    }
    const saved = await api.savePhoneFromZalo(token.value);
    if (!saved.ok) return setState({ kind: "failed", message: saved.error.message });
    writeJson(zalo.storage, PHONE_KEY, { masked: saved.value.masked });
    setState({ kind: "on", masked: saved.value.masked });
  };

  const erase = async () => {
    setState({ kind: "busy" });
    const r = await api.erasePhone();
    if (!r.ok) return setState({ kind: "failed", message: r.error.message });
    removeKey(zalo.storage, PHONE_KEY);
    setState({ kind: "idle" });
  };

  if (state.kind === "on") {
    return (
      <div className="kh-card kh-stack" data-testid="phone-opt-in">
        {/* The number stays on one line (no-break spaces). */}
        <Notice tone="success" title={`Kết quả cũng sẽ được nhắn tới số ${state.masked.replace(/ /g, "\u00a0")}.`} />
        <Button variant="tertiary" size="small" onClick={erase}>
          Xóa số điện thoại này
        </Button>
      </div>
    );
  }

  return (
    <div className="kh-card kh-stack" data-testid="phone-opt-in">
      <p className="kh-fact">
        <Icon name="phone" />
        <span>Nếu không gửi được tin Zalo, chúng tôi nhắn kết quả hồ sơ tới số điện thoại Zalo của bạn.</span>
      </p>
      <p className="kh-help">Số điện thoại chỉ dùng để báo kết quả hồ sơ. Bạn có thể xóa bất cứ lúc nào.</p>
      <Button variant="secondary" fullWidth className="kh-btn-lg" loading={state.kind === "busy"} onClick={ask}>
        Nhận tin nhắn kết quả qua số điện thoại
      </Button>
      {state.kind === "refused" ? (
        <Notice tone="info" title="Bạn chưa cho phép dùng số điện thoại.">
          Bạn vẫn nhận được tin Zalo và có thể tra cứu hồ sơ bất cứ lúc nào.
        </Notice>
      ) : null}
      {state.kind === "failed" ? <Notice tone="warning" title={state.message} /> : null}
    </div>
  );
}
