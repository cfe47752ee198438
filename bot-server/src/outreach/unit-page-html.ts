/**
 * The public pages of the outreach material as plain HTML: no script, one inline style sheet, readable on a cheap
 * phone without Zalo. The unit page carries Open Graph and Twitter tags so a shared link shows the unit, its weekday
 * and the cut-off (ogp.me; developer.x.com/en/docs/x-for-websites/cards/overview/markup).
 */
import { escapeHtml as h } from "../http/html-page.js";
import type { UnitPublicView } from "../use-cases/unit-public-view.js";

export const SITE_NAME = "Ngày không viết – Ngày không hẹn";

const STYLE = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;background:#f4f6fa;color:#1b1f27;line-height:1.5;font-size:17px}
main{max-width:42rem;margin:0 auto;padding:1rem}
a{color:#0050c8}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0}
h2{font-size:1.15rem;margin:0 0 .5rem}
h3{font-size:1.02rem;margin:.8rem 0 .3rem}
ul{margin:.3rem 0;padding-left:1.2rem}
li{margin:.15rem 0}
.kicker{margin:0;color:#0050c8;font-weight:700;font-size:.95rem}
.muted{color:#5b6472;font-size:.93rem;margin:.2rem 0}
.card{background:#fff;border-radius:.75rem;padding:1rem;margin-top:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.today{border-left:.45rem solid #5b6472}
.today h2{font-size:1.25rem;margin:.1rem 0 .4rem}
.today p{margin:.2rem 0}
.tone-open{border-color:#0a7d32;background:#effaf2}
.tone-open h2{color:#0a6b2b}
.tone-closed{border-color:#b26a00;background:#fff7e8}
.tone-other{border-color:#0050c8}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem .9rem;margin:0}
dt{color:#5b6472}dd{margin:0;font-weight:600}
.btn{display:block;text-align:center;margin-top:1rem;padding:.85rem 1rem;border-radius:.6rem;background:#0068ff;color:#fff;font-weight:700;font-size:1.05rem;text-decoration:none}
.note{color:#5b6472;font-size:.9rem;margin:.6rem 0 0}
form{display:flex;gap:.5rem;flex-wrap:wrap}
label{flex-basis:100%}
input{flex:1 1 12rem;min-width:0;font-size:1.05rem;padding:.65rem;border:1px solid #b8c0cc;border-radius:.5rem}
button{font-size:1.05rem;padding:.65rem 1.1rem;border:0;border-radius:.5rem;background:#0068ff;color:#fff}
.units{list-style:none;padding:0;margin:0}
.units li{padding:.6rem 0;border-top:1px solid #e3e7ee}
.units li:first-child{border-top:0}
.units a{font-weight:700;text-decoration:none}
summary{cursor:pointer;color:#0050c8;font-weight:600;padding:.2rem 0}
footer{margin:1.5rem 0 1rem;font-size:.9rem;color:#5b6472}
@media(max-width:30rem){dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:.4rem}}
`;

interface Meta {
  title: string;
  description: string;
  url: string;
  image?: { url: string; alt: string; width: number; height: number };
}

function metaTags(m: Meta): string {
  const tags: [string, string, string][] = [
    ["name", "description", m.description],
    ["property", "og:type", "website"],
    ["property", "og:site_name", SITE_NAME],
    ["property", "og:locale", "vi_VN"],
    ["property", "og:title", m.title],
    ["property", "og:description", m.description],
    ["property", "og:url", m.url],
    ["name", "twitter:card", m.image ? "summary_large_image" : "summary"],
    ["name", "twitter:title", m.title],
    ["name", "twitter:description", m.description],
  ];
  if (m.image) {
    tags.push(
      ["property", "og:image", m.image.url],
      ["property", "og:image:type", "image/png"],
      ["property", "og:image:width", String(m.image.width)],
      ["property", "og:image:height", String(m.image.height)],
      ["property", "og:image:alt", m.image.alt],
      ["name", "twitter:image", m.image.url],
      ["name", "twitter:image:alt", m.image.alt],
    );
  }
  return `<link rel="canonical" href="${h(m.url)}">${tags.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${h(value)}">`).join("")}`;
}

function page(title: string, head: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${h(title)}</title>${head}<style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The share preview's sentence: weekday, cut-off and hours, with nothing that changes from day to day. */
export function shareDescription(v: UnitPublicView): string {
  if (!v.scheme) return `${v.title}: thủ tục, giấy tờ cần mang và nơi nộp hồ sơ tại Bộ phận Một cửa.`;
  return `${v.scheme.days}, hồ sơ đầy đủ nộp trước ${v.scheme.cutoff} được trả kết quả trong ngày; cán bộ viết giúp tờ khai. Giờ làm việc: ${v.scheme.hours}.`;
}

export function shareTitle(v: UnitPublicView): string {
  return `Ngày không hẹn tại ${v.displayName}`;
}

function formerNamesLine(v: UnitPublicView): string {
  return v.formerNames.map((f) => `<p class="muted">Trước ${h(f.until)}: ${h(f.names)}</p>`).join("");
}

function todayCard(v: UnitPublicView): string {
  return `<section class="card today tone-${v.today.tone}" aria-labelledby="today"><p class="muted">Hôm nay: ${h(v.weekdayToday)}, ${h(v.dateText)}</p><h2 id="today">${h(v.today.headline)}</h2><p>${h(v.today.detail)}</p></section>`;
}

function scheduleCard(v: UnitPublicView): string {
  if (!v.scheme) return "";
  const s = v.scheme;
  return `<section class="card" aria-labelledby="schedule"><h2 id="schedule">Lịch Ngày không hẹn</h2><dl><dt>Ngày</dt><dd>${h(s.days)}</dd><dt>Giờ làm việc</dt><dd>${h(s.hours)}</dd><dt>Trả trong ngày</dt><dd>Hồ sơ đầy đủ nộp trước ${h(s.cutoff)}</dd></dl>${s.demoNote ? `<p class="note">${h(s.demoNote)}</p>` : ""}</section>`;
}

function proceduresCard(v: UnitPublicView): string {
  if (v.procedures.length === 0) return "";
  const items = v.procedures
    .map(
      (p) =>
        `<h3>${h(p.name)}</h3><details><summary>Giấy tờ cần mang (${p.documents.length})</summary><ul>${p.documents.map((d) => `<li>${h(d)}</li>`).join("")}</ul><p class="muted">Mã thủ tục ${h(p.code)} · Kết quả: ${h(p.result)}</p></details><p class="note">${h(p.timeNote)}</p>`,
    )
    .join("");
  return `<section class="card" aria-labelledby="procedures"><h2 id="procedures">Thủ tục trả kết quả trong ngày</h2>${items}</section>`;
}

function officeCard(v: UnitPublicView): string {
  const o = v.office;
  const phone = o.phone
    ? `<p>Điện thoại: <a href="tel:${h(o.phone.replace(/[^\d+]/g, ""))}">${h(o.phone)}</a></p>`
    : "";
  return `<section class="card" aria-labelledby="office"><h2 id="office">Nơi nộp hồ sơ</h2><p><strong>${h(o.place)}</strong></p>${o.address ? `<p>${h(o.address)}</p>` : ""}${phone}${v.checkNote ? `<p class="note">${h(v.checkNote)}</p>` : ""}</section>`;
}

function lookupCard(): string {
  return `<section class="card" aria-labelledby="lookup"><h2 id="lookup">Tra cứu hồ sơ đã nộp</h2><form method="get" action="/tra-cuu" role="search"><label for="code" class="muted">Mã hồ sơ in trên Giấy tiếp nhận và hẹn trả kết quả</label><input id="code" name="code" placeholder="Ví dụ: 000.00.06.H98-251015-0001" autocomplete="off" autocapitalize="characters" maxlength="64" required><button type="submit">Tra cứu</button></form></section>`;
}

export function unitPageHtml(v: UnitPublicView, imageUrl: string): string {
  const appButton = `<a class="btn" href="${h(v.links.miniApp)}">Mở ứng dụng Ngày không hẹn tại ${h(v.displayName)}</a>${
    v.links.miniApp !== v.links.webApp
      ? `<p class="muted" style="text-align:center">Không dùng Zalo? <a href="${h(v.links.webApp)}">Mở bản web</a></p>`
      : ""
  }`;
  const base = `/don-vi/${encodeURIComponent(v.code)}`;
  const body = `<header><p class="kicker">${h(SITE_NAME)}</p><h1>${h(v.title)}</h1>${v.parentLine ? `<p class="muted">${h(v.parentLine)}</p>` : ""}${formerNamesLine(v)}</header>${todayCard(v)}${appButton}${scheduleCard(v)}${proceduresCard(v)}${officeCard(v)}${lookupCard()}<footer><a href="/don-vi">Các xã, phường khác</a>${
    v.scheme
      ? ` · Áp phích có mã QR: <a href="${base}/poster.pdf?size=a5">A5</a>, <a href="${base}/poster.pdf">A4</a>, <a href="${base}/poster.pdf?size=a3">A3</a> · <a href="${base}/widget">Khung nhúng cho trang web</a>`
      : ""
  }</footer>`;
  const title = shareTitle(v);
  const head = metaTags({
    title,
    description: shareDescription(v),
    url: v.links.page,
    image: {
      url: imageUrl,
      alt: `${title}: ${v.scheme ? `${v.scheme.days}, nộp trước ${v.scheme.cutoff} nhận kết quả trong ngày` : "thông tin Bộ phận Một cửa"}`,
      width: 1200,
      height: 630,
    },
  });
  return page(`${title} · ${v.parentLine || SITE_NAME}`, head, body);
}

export interface UnitListItem {
  code: string;
  title: string;
  schemeLine: string | null;
  /** "trước đây: xã Đắk Plao" when found by a former name. */
  formerly: string | null;
}

export function provincePageHtml(opts: {
  heading: string;
  query: string;
  items: UnitListItem[];
  pageUrl: string;
}): string {
  const { heading, query, items } = opts;
  const form = `<form method="get" action="/don-vi" role="search"><label for="q" class="muted">Tìm xã, phường (gõ có hoặc không dấu, cả tên cũ trước 01/07/2025)</label><input id="q" name="q" value="${h(query)}" placeholder="Ví dụ: quang khe" autocomplete="off" maxlength="80"><button type="submit">Tìm</button></form>`;
  const list =
    items.length === 0
      ? `<p>Không tìm thấy xã, phường nào khớp với “${h(query)}”. Hãy thử gõ tên khác, có hoặc không có dấu.</p>`
      : `<ul class="units">${items
          .map(
            (u) =>
              `<li><a href="/don-vi/${encodeURIComponent(u.code)}">${h(u.title)}</a>${u.formerly ? ` <span class="muted">(${h(u.formerly)})</span>` : ""}${u.schemeLine ? `<br><span class="muted">${h(u.schemeLine)}</span>` : ""}</li>`,
          )
          .join("")}</ul>`;
  const count = query
    ? `<p class="muted">${items.length} kết quả cho “${h(query)}” · <a href="/don-vi">Xem tất cả</a></p>`
    : "";
  const body = `<header><p class="kicker">${h(SITE_NAME)}</p><h1>${h(heading)}</h1></header><section class="card">${form}</section><section class="card">${count}${list}</section><footer><a href="/tra-cuu">Tra cứu hồ sơ</a></footer>`;
  const description = "Lịch Ngày không hẹn, thủ tục trả kết quả trong ngày và giấy tờ cần mang tại từng xã, phường.";
  return page(heading, metaTags({ title: heading, description, url: opts.pageUrl }), body);
}

export function notFoundHtml(code: string): string {
  return page(
    "Không tìm thấy đơn vị",
    "",
    `<h1>Không tìm thấy đơn vị</h1><section class="card"><p>Không có xã, phường nào mang mã <strong>${h(code)}</strong>.</p><p><a href="/don-vi">Tìm xã, phường theo tên</a></p></section>`,
  );
}

const WIDGET_STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#1b1f27;line-height:1.45;font-size:15px;background:#fff}
.w{border:1px solid #d5dbe5;border-radius:.6rem;padding:.8rem .9rem;margin:0}
.k{margin:0;color:#0050c8;font-weight:700;font-size:.8rem}
.n{margin:.1rem 0 .4rem;font-size:1.1rem;font-weight:700}
.s{margin:.3rem 0;padding:.4rem .6rem;border-radius:.4rem;background:#f0f3f8;font-weight:600}
.s.open{background:#e6f6ea;color:#0a6b2b}.s.closed{background:#fff3dc}
p{margin:.25rem 0}ul{margin:.2rem 0;padding-left:1.1rem;font-size:.9rem}.l{margin-top:.5rem;font-weight:600;font-size:.9rem}
a{color:#0050c8;font-weight:700}
`;

/** The embeddable block for a unit's website: status, schedule, procedures and a link to the page. */
export function widgetHtml(v: UnitPublicView): string {
  const s = v.scheme;
  const body = `<section class="w"><p class="k">${h(SITE_NAME)}</p><p class="n">${h(v.title)}</p><p class="s ${h(v.today.tone)}">${h(v.today.headline)}</p>${
    s ? `<p>${h(s.days)} · giờ làm việc ${h(s.hours)} · trả trong ngày với hồ sơ nộp trước ${h(s.cutoff)}</p>` : ""
  }<p><a href="${h(v.links.page)}" target="_blank" rel="noopener">Giấy tờ cần mang, nơi nộp và tra cứu hồ sơ</a></p>${
    v.procedures.length > 0
      ? `<p class="l">Thủ tục trả kết quả trong ngày:</p><ul>${v.procedures.map((p) => `<li>${h(p.name)}</li>`).join("")}</ul>`
      : ""
  }</section>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${h(shareTitle(v))}</title><style>${WIDGET_STYLE}</style></head><body>${body}</body></html>`;
}

/** One script tag for a unit's website: puts the widget's frame where the tag stands. No cookie, no call home. */
export function widgetScript(frameUrl: string, title: string): string {
  return `(function(){var s=document.currentScript;if(!s)return;var f=document.createElement("iframe");f.src=${JSON.stringify(frameUrl)};f.title=${JSON.stringify(title)};f.loading="lazy";f.referrerPolicy="no-referrer";f.style.cssText="width:100%;max-width:480px;height:400px;border:0";s.parentNode.insertBefore(f,s.nextSibling);})();\n`;
}
