/** The citizen's data (GET /api/citizens/me/data/page) as a page a person reads and prints. */
import type { MyData } from "../../../shared/api/my-data.js";
import { formatTimeDateVn } from "../../../shared/time/vn-time.js";
import { escapeHtml, htmlPage } from "../http/html-page.js";

const fmt = (iso: string | null) => (iso ? formatTimeDateVn(iso) : "");

const table = (rows: [string, string | null | undefined][]) =>
  `<dl>${rows
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(String(v))}</dd>`)
    .join("")}</dl>`;

const formRows = (form: Record<string, unknown>): [string, string][] =>
  Object.entries(form).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);

/** The same data as a page a person reads (and prints): Vietnamese, dd/mm/yyyy, times in Việt Nam. */
export function myDataPage(d: MyData): string {
  const a = d.account;
  const sections = [
    `<h1>Dữ liệu cá nhân của tôi</h1><p class="muted">Lập lúc ${fmt(d.generatedAt)}. ${escapeHtml(d.law)}</p>`,
    `<section class="card"><h2>Tài khoản</h2>${table([
      ["Loại tài khoản", a.identity === "zalo" ? "Tài khoản Zalo" : "Mã thiết bị"],
      ["Tên hiển thị", a.displayName],
      ["Số điện thoại", a.phone],
      ["Đồng ý dùng số điện thoại lúc", fmt(a.phoneConsentAt)],
      ["Nhận thông báo Mini App từ", fmt(a.miniAppNotificationsSince)],
      ["Quan tâm Official Account", a.followsOA ? "Có" : "Không"],
      ["Tạo lúc", fmt(a.createdAt)],
    ])}</section>`,
    `<section class="card"><h2>Hồ sơ khai trước (${d.preRegistrations.length})</h2>${d.preRegistrations.map((p) => `<h3>${escapeHtml(p.code)} · ${escapeHtml(p.unitName)}</h3>${table([["Thủ tục", p.procedureCode], ["Trạng thái", p.status], ["Tạo lúc", fmt(p.createdAt)], ...formRows(p.formData)])}`).join("") || "<p>Không có.</p>"}</section>`,
    `<section class="card"><h2>Hồ sơ đã nộp (${d.dossiers.length})</h2>${d.dossiers.map((x) => `<h3>${escapeHtml(x.code)} · ${escapeHtml(x.unitName)}</h3>${table([["Thủ tục", x.procedureCode], ["Người nộp", x.applicantName], ["Số định danh", x.applicantIdNumber], ["Tiếp nhận lúc", fmt(x.receivedAt)], ["Người nhận kết quả", x.returnedTo], ...formRows(x.formData)])}`).join("") || "<p>Không có.</p>"}</section>`,
    `<section class="card"><h2>Ý kiến đã gửi (${d.feedback.length})</h2>${
      d.feedback
        .map((f) =>
          table([
            ["Loại", f.kind],
            ["Đơn vị", f.unitName],
            ["Hồ sơ", f.dossierCode],
            ["Đánh giá", f.rating],
            ["Nội dung", f.text],
            ["Trả lời", f.answer],
            ["Gửi lúc", fmt(f.createdAt)],
          ]),
        )
        .join("") || "<p>Không có.</p>"
    }</section>`,
    `<section class="card"><h2>Các lần đồng ý (${d.consents.length})</h2>${
      d.consents
        .map((c) =>
          table([
            ["Nội dung", c.what],
            ["Phiên bản thông báo", c.version],
            ["Lúc", fmt(c.at)],
          ]),
        )
        .join("") || "<p>Không có.</p>"
    }</section>`,
    `<section class="card"><h2>Yêu cầu chỉnh sửa (${d.corrections.length})</h2>${
      d.corrections
        .map((r) =>
          table([
            ["Về", `${r.subjectLabel}${r.reference ? ` ${r.reference}` : ""}`],
            ["Đơn vị", r.unitName],
            ["Nội dung", r.text],
            ["Tình trạng", r.statusLabel],
            ["Trả lời", r.answer],
            ["Gửi lúc", fmt(r.createdAt)],
          ]),
        )
        .join("") || "<p>Không có.</p>"
    }</section>`,
  ];
  return htmlPage("Dữ liệu cá nhân của tôi", sections.join(""));
}
