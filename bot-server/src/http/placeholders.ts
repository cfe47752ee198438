/**
 * Stand-ins for surfaces other modules own, so every documented path answers something sensible until
 * they are mounted in app.ts: the officer console (bot-server/src/console/) and the Zalo webhook
 * (bot-server/src/zalo/).
 */
import { Router } from "express";
import { sendError } from "./api-error.js";
import { htmlPage } from "./html-page.js";

export function consolePlaceholder(): Router {
  const router = Router();
  router.get("/", (_req, res) => {
    res
      .type("html")
      .send(
        htmlPage(
          "Bàn làm việc Một cửa",
          `<h1>Bàn làm việc Một cửa</h1><p>Giao diện cho cán bộ đang được hoàn thiện.</p><p><a href="/tra-cuu">Tra cứu hồ sơ</a></p>`,
        ),
      );
  });
  return router;
}

export function webhookPlaceholder(): Router {
  const router = Router();
  router.all("/", (_req, res) =>
    sendError(res, {
      code: "service_unavailable",
      message: "Chatbot Zalo chưa được cấu hình trên máy chủ này.",
      detail: "The Zalo OA webhook is not configured on this server.",
    }),
  );
  return router;
}
