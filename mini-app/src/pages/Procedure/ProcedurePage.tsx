/**
 * Screen 3: what to bring (original / copy / count, and when), fee, legal time limit and the same-day
 * promise, the special cases that exclude same-day handling, and the legal basis. Unconfirmed facts say so in
 * citizen words ("chưa xác nhận", components/Unconfirmed.tsx).
 */
import type { ReactNode } from "react";
import { Button, useNavigate, useParams } from "zmp-ui";
import type { ProcedureDetail } from "../../api/types.js";
import { LoadError, Loading } from "../../components/LoadState.js";
import { Notice } from "../../components/Notice.js";
import { Screen } from "../../components/Screen.js";
import { Unconfirmed, UnconfirmedNote } from "../../components/Unconfirmed.js";
import { useDeps } from "../../deps.js";
import { formatDate, timeLimitText } from "../../format.js";
import { useApi } from "../../hooks/use-api.js";
import { paths } from "../../routes.js";

const Verify = Unconfirmed;

/** Whether any fact this screen shows is unconfirmed (the flags beside which a "chưa xác nhận" stands). */
const anyUnconfirmed = (p: ProcedureDetail): boolean =>
  [
    p.receivingBody.toVerify,
    p.competentBody.toVerify,
    !p.fee || p.fee.toVerify,
    p.timeLimit.toVerify,
    ...p.requiredDocuments.map((d) => d.toVerify),
    ...p.caseFlags.filter((f) => f.excludesSameDay).map((f) => f.toVerify),
    ...p.legalBasis.map((b) => b.toVerify),
  ].some(Boolean);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="kh-card kh-stack">
      <h2 className="kh-h2">{title}</h2>
      {children}
    </section>
  );
}

export function sameDayText(p: ProcedureDetail): { tone: "success" | "info"; title: string; reasons: string[] } {
  const cutoff = p.timeLimit.sameDayCutoff;
  const reasons = p.sameDay?.reasons ?? [];
  if (p.sameDay?.eligible && p.sameDay.track === "same-day") {
    return { tone: "success", title: "Nộp đủ hồ sơ hôm nay: nhận kết quả trong ngày.", reasons };
  }
  if (p.sameDay?.eligible) {
    return {
      tone: "info",
      title: `Thủ tục này được trả kết quả trong ngày vào Ngày không hẹn${cutoff ? ` (nộp đến ${cutoff})` : ""}. Nếu nộp bây giờ: hẹn trả ngày ${formatDate(p.sameDay.dueDate)}.`,
      reasons,
    };
  }
  return { tone: "info", title: "Thủ tục này không thuộc danh mục trả kết quả trong ngày tại đơn vị này.", reasons };
}

export default function ProcedurePage() {
  const { unitCode = "", procedureCode = "" } = useParams();
  const { api } = useDeps();
  const navigate = useNavigate();
  const detail = useApi(() => api.getProcedure(procedureCode, unitCode), `${unitCode}/${procedureCode}`);

  if (detail.state !== "ok") {
    return (
      <Screen title="Thủ tục" name="procedure">
        {detail.state === "loading" ? <Loading /> : <LoadError error={detail.error} onRetry={detail.reload} />}
      </Screen>
    );
  }
  const p = detail.value;
  const promise = sameDayText(p);
  const always = p.requiredDocuments.filter((d) => d.always);
  const sometimes = p.requiredDocuments.filter((d) => !d.always);
  const excluding = p.caseFlags.filter((f) => f.excludesSameDay);

  return (
    <Screen
      title="Thủ tục"
      name="procedure"
      footer={
        <Button fullWidth className="kh-btn-lg" onClick={() => navigate(paths.preEntry(unitCode, procedureCode))}>
          Khai trước thông tin
        </Button>
      }
    >
      <h1 className="kh-title">{p.name}</h1>
      <p className="kh-meta">
        Mã thủ tục {p.code} · {p.sector.name}
      </p>
      <Notice tone={promise.tone} title={promise.title}>
        {promise.reasons.length > 0 ? (
          <ul className="kh-bullets kh-reasons">
            {promise.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
      </Notice>

      <Section title="Nơi nộp hồ sơ">
        <p>
          <strong>Nơi tiếp nhận và trả kết quả:</strong> {p.where.receivingOffice}{" "}
          <Verify on={p.receivingBody.toVerify} />
        </p>
        <p>
          <strong>Nơi giải quyết:</strong> {p.where.decidingOffice} <Verify on={p.competentBody.toVerify} />
        </p>
        {p.where.sameBody ? null : (
          <p className="kh-meta">
            Hồ sơ được chuyển từ nơi tiếp nhận đến nơi giải quyết; kết quả trả tại nơi tiếp nhận.
          </p>
        )}
      </Section>

      <Section title="Giấy tờ cần mang">
        <ul className="kh-checklist">
          {always.map((d) => (
            <li key={d.id}>
              <strong>{d.name}</strong>
              <span className="kh-row-sub">
                {d.kindLabel}
                {d.count > 1 ? ` · ${d.count} bản` : " · 01 bản"}
                {d.condition ? ` · ${d.condition}` : ""}
              </span>
              <Verify on={d.toVerify} />
            </li>
          ))}
        </ul>
        {sometimes.length > 0 ? (
          <>
            <h3 className="kh-h3">Chỉ khi thuộc trường hợp sau</h3>
            <ul className="kh-checklist">
              {sometimes.map((d) => (
                <li key={d.id}>
                  <strong>{d.name}</strong>
                  <span className="kh-row-sub">
                    {d.condition ? `${d.condition} · ` : ""}
                    {d.kindLabel}
                  </span>
                  <Verify on={d.toVerify} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>

      <Section title="Lệ phí và thời hạn">
        <p>
          <strong>Lệ phí:</strong>{" "}
          {p.fee && p.fee.display !== "cần kiểm tra"
            ? p.fee.display
            : "Theo quy định của Hội đồng nhân dân tỉnh; hỏi mức thu tại Bộ phận Một cửa"}{" "}
          <Verify on={!p.fee || p.fee.toVerify} />
        </p>
        <p>
          <strong>Thời hạn giải quyết theo quy định:</strong>{" "}
          {timeLimitText(p.timeLimit.workingDays, p.timeLimit.sameDayCutoff)} <Verify on={p.timeLimit.toVerify} />
        </p>
        {p.timeLimit.note ? <p className="kh-meta">{p.timeLimit.note}</p> : null}
        <p>
          <strong>Kết quả:</strong> {p.result.name}
        </p>
      </Section>

      {excluding.length > 0 ? (
        <Section title="Trường hợp không trả được trong ngày">
          <ul className="kh-bullets">
            {excluding.map((f) => (
              <li key={f.id}>
                {f.label}. <span className="kh-meta">{f.note}</span> <Verify on={f.toVerify} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title="Căn cứ pháp lý">
        <ul className="kh-bullets">
          {p.legalBasis.map((b) => (
            <li key={b.title}>
              {b.title}
              {b.articles ? `, ${b.articles}` : ""} <Verify on={b.toVerify} />
            </li>
          ))}
        </ul>
      </Section>
      <UnconfirmedNote on={anyUnconfirmed(p)} />
    </Screen>
  );
}
