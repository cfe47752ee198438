/** A list of dossiers: code, procedure, applicant (shortened), state, track, due date and flags; a row opens the dossier. */
import { dmy, FLAG_LABEL, TRACK_LABEL } from "./format.js";
import { navigate } from "./router.js";

export type { DossierListItem } from "../../../shared/console/dossiers.js";
import type { DossierListItem } from "../../../shared/console/dossiers.js";

export function DossierTable({
  items,
  empty,
  select,
}: {
  items: DossierListItem[];
  empty: string;
  select?: { chosen: Set<string>; toggle: (id: string) => void };
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="list">
      <thead>
        <tr>
          {select && <th />}
          <th>Mã hồ sơ</th>
          <th className="wide">Thủ tục</th>
          <th>Người nộp</th>
          <th>Trạng thái</th>
          <th>Hẹn trả</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr
            key={d.id}
            className={d.flags.includes("same_day_at_risk") || d.flags.includes("late") ? "risk" : ""}
            data-code={d.code}
          >
            {select && (
              <td>
                <input
                  type="checkbox"
                  aria-label={`Chọn ${d.code}`}
                  checked={select.chosen.has(d.id)}
                  onChange={() => select.toggle(d.id)}
                  style={{ width: "auto" }}
                />
              </td>
            )}
            <td>
              <a
                href={`/console/ho-so/${d.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ name: "dossier", id: d.id });
                }}
              >
                {d.code}
              </a>
            </td>
            <td className="wide">{d.procedureName}</td>
            <td>{d.applicantShort}</td>
            <td>{d.stateLabel}</td>
            <td>
              {dmy(d.dueDate)} <span className={`badge ${d.track}`}>{TRACK_LABEL[d.track] ?? d.track}</span>{" "}
              {d.flags.map((f) => (
                <span key={f} className={`badge ${f}`}>
                  {FLAG_LABEL[f] ?? f}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
