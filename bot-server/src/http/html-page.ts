/** A minimal, mobile-first HTML shell for server-rendered pages (no scripts; CSP allows none inline). */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;background:#f4f6fa;color:#1b1f27;line-height:1.5}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}
form{display:flex;gap:.5rem;flex-wrap:wrap}
input{flex:1 1 14rem;font-size:1.05rem;padding:.65rem;border:1px solid #b8c0cc;border-radius:.5rem}
button{font-size:1.05rem;padding:.65rem 1.1rem;border:0;border-radius:.5rem;background:#0068ff;color:#fff}
.card{background:#fff;border-radius:.75rem;padding:1rem;margin-top:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem .9rem;margin:0}dt{color:#5b6472}dd{margin:0;font-weight:600}
.ok{color:#0a7d32;font-weight:600}.bad{color:#b3261e;font-weight:600}.muted{color:#5b6472;font-size:.9rem}
`;

export function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}
