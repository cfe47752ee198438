/** A few console paths with history.pushState; the server answers every /console/* page with the app. */
import { useEffect, useState } from "react";

export type Route =
  | { name: "board" }
  | { name: "intake" }
  | { name: "queue"; queue: string }
  | { name: "dossier"; id: string }
  | { name: "deadLetters" }
  | { name: "feedback" }
  | { name: "conversations" }
  | { name: "office" }
  | { name: "dataRequests" }
  | { name: "chatbot" }
  | { name: "zaloLink" }
  | { name: "reports" }
  | { name: "reportDossiers" }
  | { name: "reportReview" }
  | { name: "accounts" };

export function parseRoute(path: string): Route {
  const p = path.replace(/^\/console\/?/, "").replace(/\/+$/, "");
  if (p === "tiep-nhan") return { name: "intake" };
  if (p === "thong-bao-loi") return { name: "deadLetters" };
  if (p === "y-kien") return { name: "feedback" };
  if (p === "can-ho-tro") return { name: "conversations" };
  if (p === "don-vi") return { name: "office" };
  if (p === "yeu-cau-du-lieu") return { name: "dataRequests" };
  if (p === "thu-chatbot") return { name: "chatbot" };
  if (p === "zalo") return { name: "zaloLink" };
  if (p === "bao-cao") return { name: "reports" };
  if (p === "bao-cao/ho-so") return { name: "reportDossiers" };
  if (p === "bao-cao/tong-ket") return { name: "reportReview" };
  if (p === "tai-khoan") return { name: "accounts" };
  const q = /^hang-doi\/([a-z]+)$/.exec(p);
  if (q) return { name: "queue", queue: q[1]! };
  const d = /^ho-so\/([0-9a-f-]{36})$/.exec(p);
  if (d) return { name: "dossier", id: d[1]! };
  return { name: "board" };
}

export function pathOf(r: Route): string {
  switch (r.name) {
    case "board":
      return "/console/";
    case "intake":
      return "/console/tiep-nhan";
    case "queue":
      return `/console/hang-doi/${r.queue}`;
    case "dossier":
      return `/console/ho-so/${r.id}`;
    case "deadLetters":
      return "/console/thong-bao-loi";
    case "feedback":
      return "/console/y-kien";
    case "conversations":
      return "/console/can-ho-tro";
    case "office":
      return "/console/don-vi";
    case "dataRequests":
      return "/console/yeu-cau-du-lieu";
    case "chatbot":
      return "/console/thu-chatbot";
    case "zaloLink":
      return "/console/zalo";
    case "reports":
      return "/console/bao-cao";
    case "reportDossiers":
      return "/console/bao-cao/ho-so";
    case "reportReview":
      return "/console/bao-cao/tong-ket";
    case "accounts":
      return "/console/tai-khoan";
  }
}

const listeners = new Set<() => void>();
/** `search`: a query string ("?figure=…") kept in the address, for pages that read their state from it. */
export function navigate(r: Route, search = ""): void {
  window.history.pushState(null, "", pathOf(r) + search);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return route;
}
