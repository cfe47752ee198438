import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ConsoleApp } from "./console-app.js";
import { MirrorApp } from "./mirror/mirror-app.js";
import "./styles.css";

const isMirror = window.location.pathname.replace(/\/+$/, "").endsWith("/console/mirror");
createRoot(document.getElementById("root")!).render(
  <StrictMode>{isMirror ? <MirrorApp /> : <ConsoleApp />}</StrictMode>,
);
