/**
 * Screen 8, after the result: "Rất hài lòng / Hài lòng / Không hài lòng" with an optional comment
 * (Decree 61/2018 evaluation). An unhappy rating leads straight to the complaint form.
 */
import { useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import { feedbackErrorMessage } from "../../api/client.js";
import type { SatisfactionRating } from "../../api/types.js";
import { Notice } from "../../components/Notice.js";
import { useDeps } from "../../deps.js";
import { paths } from "../../routes.js";
import { readJson, writeJson } from "../../state/device-store.js";

export const RATINGS: { value: SatisfactionRating; label: string }[] = [
  { value: "rat_hai_long", label: "Rất hài lòng" },
  { value: "hai_long", label: "Hài lòng" },
  { value: "khong_hai_long", label: "Không hài lòng" },
];

const ratedKey = (dossierCode: string) => `rated.${dossierCode}`;

export function RatingCard({ dossierCode, unitCode }: { dossierCode: string; unitCode: string | undefined }) {
  const { api, zalo } = useDeps();
  const navigate = useNavigate();
  const [rating, setRating] = useState<SatisfactionRating | null>(null);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<SatisfactionRating | null>(
    () => readJson<SatisfactionRating>(zalo.storage, ratedKey(dossierCode)) ?? null,
  );

  if (done) {
    return (
      <div className="kh-card kh-stack" data-testid="rating-done">
        <Notice tone="success" title="Cảm ơn bạn đã đánh giá.">
          Ý kiến của bạn được gửi đến Bộ phận Một cửa.
        </Notice>
        {done === "khong_hai_long" && unitCode ? (
          <Button
            fullWidth
            variant="secondary"
            className="kh-btn-lg"
            onClick={() => navigate(paths.feedback(unitCode, dossierCode))}
          >
            Gửi phản ánh, kiến nghị
          </Button>
        ) : null}
      </div>
    );
  }

  const send = async () => {
    if (!rating) return setError("Vui lòng chọn một mức đánh giá.");
    if (!unitCode) return setError("Chưa xác định được đơn vị tiếp nhận hồ sơ này.");
    setBusy(true);
    const text = comment.trim();
    const r = await api.sendFeedback({ unitCode, dossierCode, kind: "rating", rating, ...(text ? { text } : {}) });
    setBusy(false);
    if (!r.ok) return setError(feedbackErrorMessage(r.error));
    writeJson(zalo.storage, ratedKey(dossierCode), rating);
    setDone(rating);
  };

  return (
    <section className="kh-card kh-stack" aria-labelledby="rating-title">
      <h2 className="kh-h2" id="rating-title">
        Bạn có hài lòng với việc giải quyết hồ sơ?
      </h2>
      {error ? <Notice tone="error" title={error} /> : null}
      <div className="kh-choices" role="radiogroup" aria-labelledby="rating-title">
        {RATINGS.map((r) => (
          <label key={r.value} className={`kh-choice${rating === r.value ? " kh-choice-on" : ""}`}>
            <input
              type="radio"
              name="rating"
              value={r.value}
              checked={rating === r.value}
              onChange={() => {
                setRating(r.value);
                setError(null);
              }}
            />
            <span>{r.label}</span>
          </label>
        ))}
      </div>
      <label className="kh-label" htmlFor="rating-comment">
        Góp ý thêm <span className="kh-optional">(không bắt buộc)</span>
      </label>
      <textarea
        id="rating-comment"
        className="kh-input"
        rows={3}
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <Button fullWidth className="kh-btn-lg" loading={busy} onClick={send}>
        Gửi đánh giá
      </Button>
    </section>
  );
}
