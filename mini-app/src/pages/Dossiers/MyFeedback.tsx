/** "Phản ánh, kiến nghị của tôi": what the citizen sent and the unit's answer, readable in the app as promised. */
import type { MyFeedback } from "../../api/types.js";
import { useDeps } from "../../deps.js";
import { capitalize, formatInstant } from "../../format.js";
import { useApi } from "../../hooks/use-api.js";

function Item({ f }: { f: MyFeedback }) {
  return (
    <li className="kh-card kh-stack" data-testid="my-feedback">
      <p className="kh-row-sub">
        {f.kindLabel}
        {f.unit ? ` · ${capitalize(f.unit.displayName)}` : ""}
        {f.dossierCode ? ` · hồ sơ ${f.dossierCode}` : ""} · {formatInstant(f.createdAt)}
      </p>
      {f.ratingLabel ? (
        <p>
          <strong>{f.ratingLabel}</strong>
        </p>
      ) : null}
      {f.text ? <p>{f.text}</p> : null}
      {f.answer ? (
        <div className="kh-answer">
          <p>
            <strong>Trả lời của Bộ phận Một cửa</strong> ({formatInstant(f.answer.answeredAt)}):
          </p>
          <p>{f.answer.text}</p>
        </div>
      ) : (
        <p className="kh-meta">{f.statusLabel}</p>
      )}
    </li>
  );
}

export function MyFeedbackSection() {
  const { api } = useDeps();
  const list = useApi(() => api.listMyFeedback(), "my-feedback");
  if (list.state !== "ok" || list.value.items.length === 0) return null;
  return (
    <section className="kh-stack" aria-labelledby="my-feedback-title">
      <h2 className="kh-h2" id="my-feedback-title">
        Phản ánh, đánh giá của tôi
      </h2>
      <ul className="kh-stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {list.value.items.map((f) => (
          <Item key={f.id} f={f} />
        ))}
      </ul>
    </section>
  );
}
