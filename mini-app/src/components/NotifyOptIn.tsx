/**
 * "Nhận thông báo khi có kết quả": asked only where it helps (a ticket or a dossier waiting for its
 * result), never at launch (Zalo review rule: ask for a permission when the feature starts).
 */
import { useState } from "react";
import { Button } from "zmp-ui";
import { useDeps } from "../deps.js";
import { readJson, writeJson } from "../state/device-store.js";
import { Icon } from "./icons.js";
import { Notice } from "./Notice.js";

const OPT_IN_KEY = "notifyOptIn";

type State = "idle" | "busy" | "on" | "refused" | "failed";

export function NotifyOptIn({ lookupCode }: { lookupCode?: string }) {
  const { zalo, api, oaId } = useDeps();
  const [state, setState] = useState<State>(() => (readJson<boolean>(zalo.storage, OPT_IN_KEY) ? "on" : "idle"));

  if (!zalo.capabilities.notify) {
    return (
      <Notice tone="info" title="Theo dõi kết quả">
        Mở ứng dụng này trong Zalo để nhận tin nhắn khi có kết quả
        {lookupCode ? `, hoặc tra cứu lại bằng mã ${lookupCode}` : ""}.
      </Notice>
    );
  }
  if (state === "on") {
    return <Notice tone="success" title="Bạn sẽ nhận tin nhắn Zalo khi có kết quả." />;
  }

  const ask = async () => {
    setState("busy");
    const notify = await zalo.requestSendNotification();
    const follow = oaId ? await zalo.followOA(oaId) : notify;
    if (notify.ok || follow.ok) {
      writeJson(zalo.storage, OPT_IN_KEY, true);
      void api.reportNotificationOptIn({ miniAppNotifications: notify.ok, followedOA: oaId ? follow.ok : false });
      setState("on");
    } else {
      setState(notify.error.code === "denied" || notify.error.code === "cancelled" ? "refused" : "failed");
    }
  };

  return (
    <div className="kh-card kh-stack">
      <p className="kh-fact">
        <Icon name="bell" />
        <span>Nhận tin nhắn Zalo ngay khi hồ sơ có kết quả, không cần hỏi lại.</span>
      </p>
      <Button fullWidth className="kh-btn-lg" loading={state === "busy"} onClick={ask}>
        Nhận thông báo khi có kết quả
      </Button>
      {state === "refused" ? (
        <Notice tone="info" title="Bạn chưa cho phép gửi thông báo.">
          Bạn vẫn có thể xem tình trạng hồ sơ trong mục “Hồ sơ của tôi” bất cứ lúc nào.
        </Notice>
      ) : null}
      {state === "failed" ? <Notice tone="warning" title="Chưa bật được thông báo. Vui lòng thử lại sau." /> : null}
    </div>
  );
}
