/**
 * /tra-cuu: the public status page (server-rendered, Vietnamese, mobile-first, no script). Enter a dossier
 * code → state and dates. Opened from a slip's QR (?code=…&t=…) it also says whether the slip is authentic and,
 * when it is, shows procedure, unit, track and documents to bring. Never shows personal data.
 */
import { Router } from "express";
import type { DossierStatus } from "../../../shared/api/dossiers.js";
import type { Deps } from "../deps.js";
import { lookupDossierStatus } from "../use-cases/dossier-status.js";
import { lookupPreEntryStatus, readPreEntryCode, type PreEntryPublicStatus } from "../use-cases/pre-entry-status.js";
import { escapeHtml, htmlPage } from "./html-page.js";

const TITLE = "Tra cứu hồ sơ";

function form(code: string): string {
  return `<form method="get" action="/tra-cuu" role="search">
<label for="code" class="muted" style="flex-basis:100%">Nhập mã hồ sơ in trên Giấy tiếp nhận và hẹn trả kết quả, hoặc mã khai trước trên phiếu của bạn</label>
<input id="code" name="code" value="${escapeHtml(code)}" placeholder="Ví dụ: 000.00.06.H98-251015-0001" autocomplete="off" autocapitalize="characters" maxlength="64" required>
<button type="submit">Tra cứu</button></form>`;
}

function statusCard(s: DossierStatus): string {
  const slip = s.slip ? `<p class="${s.slip.authentic ? "ok" : "bad"}">${escapeHtml(s.slip.message)}</p>` : "";
  const rows: [string, string | undefined][] = [
    ["Mã hồ sơ", s.code],
    ["Thủ tục", s.procedure && `${s.procedure.name} (${s.procedure.code})`],
    ["Nơi tiếp nhận", s.receivingUnit],
    ["Tình trạng", s.stateLabel],
    ["Hình thức", s.trackLabel],
    ["Ngày hẹn trả", s.dueDateText],
    [
      "Kết quả",
      s.returned ? "Đã trả kết quả" : s.resultReady ? "Đã có kết quả, mời nhận tại Bộ phận Một cửa" : "Chưa có",
    ],
    ["Giấy tờ cần bổ sung", s.missingDocuments?.join("; ")],
  ];
  // By the code alone only the state and dates (codes are sequential); the slip's QR shows the rest.
  const more = s.procedure
    ? ""
    : `<p class="muted">Quét mã QR trên phiếu hẹn để xem thêm thủ tục, nơi tiếp nhận và giấy tờ cần bổ sung (nếu có).</p>`;
  return `<section class="card" aria-live="polite">${slip}<dl>${rows
    .filter((r): r is [string, string] => r[1] !== undefined && r[1] !== "")
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join("")}</dl>${more}</section>`;
}

function preEntryCard(p: PreEntryPublicStatus): string {
  const rows: [string, string][] = [
    ["Mã khai trước", p.code],
    ["Thủ tục", p.procedure],
    ["Nơi nộp", p.unit ? `Bộ phận Một cửa, UBND ${p.unit}` : ""],
    ["Tình trạng", p.statusLabel],
    ["Giá trị đến", p.validUntilText ?? ""],
    ["Mã hồ sơ", p.dossierCode ?? ""],
  ];
  return `<section class="card" aria-live="polite"><dl>${rows
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join("")}</dl></section>`;
}

export function statusPageRouter(deps: Deps): Router {
  const router = Router();
  router.get("/", async (req, res) => {
    const code = typeof req.query.code === "string" ? req.query.code.normalize("NFC").trim() : "";
    const token = typeof req.query.t === "string" ? req.query.t : undefined;
    let body = `<h1>${TITLE}</h1>${form(code)}`;
    let status = 200;
    const preEntryCode = code !== "" && token === undefined ? readPreEntryCode(code) : undefined;
    if (preEntryCode) {
      const p = await lookupPreEntryStatus(deps, preEntryCode);
      const dossier = p?.dossierCode ? await lookupDossierStatus(deps, p.dossierCode) : undefined;
      if (!p) {
        status = 404;
        body += `<section class="card"><p>Không tìm thấy mã khai trước <strong>${escapeHtml(code)}</strong>. Vui lòng kiểm tra lại mã trên phiếu của bạn.</p></section>`;
      } else {
        body += preEntryCard(p);
        if (dossier?.ok) body += `<h2>Hồ sơ ${escapeHtml(dossier.status.code)}</h2>${statusCard(dossier.status)}`;
      }
    } else if (code !== "") {
      const r = await lookupDossierStatus(deps, code, token);
      if (r.ok) {
        body += statusCard(r.status);
      } else {
        status = 404;
        const slip = token !== undefined ? `<p class="bad">Không xác thực được phiếu này.</p>` : "";
        body += `<section class="card">${slip}<p>Không tìm thấy hồ sơ có mã <strong>${escapeHtml(code)}</strong>. Vui lòng kiểm tra lại mã trên phiếu hẹn hoặc liên hệ Bộ phận Một cửa.</p></section>`;
      }
    }
    body += `<p class="muted">Trang này chỉ hiển thị tình trạng hồ sơ, không hiển thị thông tin cá nhân.</p>`;
    res.status(status).set("Cache-Control", "no-store").type("html").send(htmlPage(TITLE, body));
  });
  return router;
}
