/** After "Tiếp nhận": the dossier code, its track and due date, Mẫu 01, and the next procedure or the next citizen. */
import { formUrl } from "../api.js";
import { dmy, TRACK_LABEL } from "../format.js";
import { navigate } from "../router.js";
import type { Printing, Result } from "./intake-types.js";

interface Props {
  result: Result;
  print: (sheet: Printing) => void;
  reset: (keepVisit: boolean) => void;
}

export function ReceiveResult({ result, print, reset }: Props) {
  return (
    <div className="card" data-testid="receive-result">
      <h2>
        Đã tiếp nhận: <span data-testid="result-code">{result.code}</span>
      </h2>
      <p>
        <span className={`badge ${result.track}`}>{TRACK_LABEL[result.track]}</span> Hẹn trả:{" "}
        <b data-testid="result-due">{dmy(result.dueDate)}</b>
        {result.checkedByCitizen ? " · công dân đã kiểm tra trên màn hình đối chiếu" : ""}
      </p>
      <div className="row">
        <button
          onClick={() =>
            print({ url: formUrl(result.dossierId, "01"), title: "Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả" })
          }
        >
          {result.form ? "In lại Mẫu 01" : "In Mẫu 01 (khi công dân yêu cầu)"}
        </button>
        <button onClick={() => navigate({ name: "dossier", id: result.dossierId })}>Mở hồ sơ</button>
        <button className="primary" onClick={() => reset(true)}>
          Thủ tục khác cho cùng công dân
        </button>
        <button onClick={() => reset(false)}>Công dân tiếp theo</button>
      </div>
    </div>
  );
}
