/**
 * The public outreach pages of a unit, on SQLite and PostgreSQL (the office's telephone and address are read from the
 * database): the unit page with its share tags and card, the province list and its search, the QR posters (text and
 * decoded QR), and the widget's framing headers. The pilot commune xã Quảng Khê (24631) on Wednesday 15/10/2025 under
 * today's demo configuration.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { JSDOM } from "jsdom";
import { searchParams } from "../../mini-app/src/zalo/bridge.js";
import { writeOfficeContact } from "../../bot-server/src/store/unit-contacts.js";
import { flatPdfText, pdfPageCount, popplerAvailable } from "../console/helpers/pdf-text.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { decodeQrPng, pdfPageToPng, pngSize } from "../helpers/qr-decode.js";

const BASE = "https://khonghen.example";
const WED_10 = "2025-10-15T10:00:00+07:00";
const WED_1505 = "2025-10-15T15:05:00+07:00";
const THU_9 = "2025-10-16T09:00:00+07:00";
// Test data, not a real number.
const PHONE = "0261 3000 123";
const ADDRESS = "Thôn 1, xã Quảng Khê, tỉnh Lâm Đồng";

function metaOf(html: string): { doc: Document; meta: (key: string) => string | null } {
  const doc = new JSDOM(html).window.document;
  return {
    doc,
    meta: (key) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content") ?? null,
  };
}

const text = (doc: Document) => (doc.body.textContent ?? "").replace(/\s+/g, " ");

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: WED_10, env: { PUBLIC_BASE_URL: BASE } });
    await writeOfficeContact(
      t.db,
      "24631@2025-07-01",
      { phone: PHONE, address: ADDRESS },
      new Date().toISOString(),
      "test",
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  async function page(path: string) {
    const res = await app.request(path, { redirect: "manual" });
    return { res, html: await res.text() };
  }

  describe("the unit page", () => {
    it("on a Wednesday at 10:00 says today is a scheme day until 15:00, with what to bring and where to go", async () => {
      app.clock.set(new Date(WED_10));
      const { res, html } = await page("/don-vi/24631");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("set-cookie")).toBeNull();
      const { doc } = metaOf(html);
      const body = text(doc);
      expect(doc.querySelector("h1")?.textContent).toBe("Xã Quảng Khê");
      expect(body).toContain("Hôm nay là Ngày không hẹn — nhận hồ sơ trả trong ngày đến 15:00");
      expect(body).toContain("Trước 01/07/2025: xã Quảng Khê, xã Đắk Plao (huyện Đăk Glong, tỉnh Đắk Nông)");
      expect(body).toContain("Thứ Tư hằng tuần");
      expect(body).toContain("07:00–11:30, 13:30–17:00");
      expect(body).toContain("Cấp Giấy xác nhận tình trạng hôn nhân");
      expect(body).toMatch(/Giấy tờ cần mang \(\d+\)/);
      expect(body).toContain("Ngày khác hoặc sau giờ nhận: hẹn trả trong 3 ngày làm việc.");
      expect(body).not.toContain("trong 0 ngày");
      // The office's telephone and address as the unit entered them (read from the database).
      expect(body).toContain(PHONE);
      expect(body).toContain(ADDRESS);
      expect(doc.querySelector(`a[href="tel:02613000123"]`)).not.toBeNull();
      // The mini-app at this unit, the status lookup, and no script at all.
      expect(doc.querySelector("a.btn")?.getAttribute("href")).toBe(`${BASE}/m/don-vi/24631`);
      const form = doc.querySelector('form[action="/tra-cuu"]');
      expect(form?.getAttribute("method")).toBe("get");
      expect(form?.querySelector('input[name="code"]')).not.toBeNull();
      expect(doc.querySelectorAll("script")).toHaveLength(0);
      // Citizen words only: no internal marker reaches the page.
      expect(body).not.toMatch(/cần kiểm tra|toVerify/i);
    });

    it("carries Open Graph and Twitter tags naming the unit, the weekday and the cut-off, with a 1200×630 card", async () => {
      const { html } = await page("/don-vi/24631");
      const { meta, doc } = metaOf(html);
      expect(meta("og:title")).toBe("Ngày không hẹn tại xã Quảng Khê");
      expect(meta("og:description")).toContain("Thứ Tư hằng tuần");
      expect(meta("og:description")).toContain("15:00");
      expect(meta("og:type")).toBe("website");
      expect(meta("og:locale")).toBe("vi_VN");
      expect(meta("og:url")).toBe(`${BASE}/don-vi/24631`);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${BASE}/don-vi/24631`);
      const image = meta("og:image")!;
      expect(image).toBe(`${BASE}/don-vi/24631/og.png`);
      expect(meta("og:image:width")).toBe("1200");
      expect(meta("og:image:height")).toBe("630");
      expect(meta("og:image:alt")).toContain("xã Quảng Khê");
      expect(meta("twitter:card")).toBe("summary_large_image");
      expect(meta("twitter:title")).toBe(meta("og:title"));
      expect(meta("twitter:image")).toBe(image);

      const res = await app.request(new URL(image).pathname);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      const png = Buffer.from(await res.arrayBuffer());
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      // Drawn once: the same card answers 304 to a client that has it.
      const again = await app.request("/don-vi/24631/og.png", {
        headers: { "if-none-match": res.headers.get("etag")! },
      });
      expect(again.status).toBe(304);
    });

    it("after 15:00 says the same-day intake is closed and names the next scheme day; on Thursday it names it too", async () => {
      app.clock.set(new Date(WED_1505));
      let body = text(metaOf((await page("/don-vi/24631")).html).doc);
      expect(body).toContain("Hôm nay là Ngày không hẹn, nhưng đã qua 15:00");
      expect(body).toContain("Ngày không hẹn tiếp theo: Thứ Tư, 22/10/2025");
      app.clock.set(new Date(THU_9));
      body = text(metaOf((await page("/don-vi/24631")).html).doc);
      expect(body).toContain("Ngày không hẹn tiếp theo: Thứ Tư, 22/10/2025");
      expect(body).not.toContain("Hôm nay là Ngày không hẹn");
      app.clock.set(new Date(WED_10));
    });

    it("sends a former commune's code on to its successor, and answers an unknown code with a Vietnamese 404", async () => {
      const moved = await page("/don-vi/24634");
      expect(moved.res.status).toBe(301);
      expect(moved.res.headers.get("location")).toBe("/don-vi/24631");
      const missing = await page("/don-vi/99999");
      expect(missing.res.status).toBe(404);
      expect(missing.html).toContain("Không tìm thấy đơn vị");
    });

    it("before the 2023 pilot says the commune did not apply the scheme yet, and has no poster to print", async () => {
      app.clock.set(new Date("2023-01-10T09:00:00+07:00"));
      try {
        const { res, html } = await page("/don-vi/24631");
        expect(res.status).toBe(200);
        const body = text(metaOf(html).doc);
        expect(body).toContain("Xã Quảng Khê chưa áp dụng Ngày không hẹn.");
        expect(body).toContain("Huyện Đăk Glong, tỉnh Đắk Nông");
        expect(body).not.toContain("Thủ tục trả kết quả trong ngày");
        const poster = await page("/don-vi/24631/poster.pdf");
        expect(poster.res.status).toBe(404);
        expect(poster.html).toContain("chưa áp dụng Ngày không hẹn nên chưa có áp phích");
      } finally {
        app.clock.set(new Date(WED_10));
      }
    });

    it("shows a telephone number the unit changes in the console within two minutes, without waiting for the database", async () => {
      const NEW_PHONE = "0261 3000 456";
      try {
        await writeOfficeContact(
          t.db,
          "24631@2025-07-01",
          { phone: NEW_PHONE, address: ADDRESS },
          new Date().toISOString(),
          "test",
        );
        app.clock.set(new Date("2025-10-15T10:02:00+07:00"));
        // The held number is served at once while a fresh copy is read.
        expect(text(metaOf((await page("/don-vi/24631")).html).doc)).toContain(PHONE);
        await new Promise((r) => setTimeout(r, 200));
        app.clock.set(new Date("2025-10-15T10:03:00+07:00"));
        expect(text(metaOf((await page("/don-vi/24631")).html).doc)).toContain(NEW_PHONE);
      } finally {
        await writeOfficeContact(
          t.db,
          "24631@2025-07-01",
          { phone: PHONE, address: ADDRESS },
          new Date().toISOString(),
          "test",
        );
        app.clock.set(new Date("2025-10-15T10:05:00+07:00"));
        await page("/don-vi/24631");
        await new Promise((r) => setTimeout(r, 200));
        app.clock.set(new Date(WED_10));
      }
    });

    it("is gzipped for clients that accept it", async () => {
      const res = await fetch(`${app.url}/don-vi/24631`, { headers: { "accept-encoding": "gzip" } });
      expect(res.headers.get("content-encoding")).toBe("gzip");
      expect(await res.text()).toContain("Xã Quảng Khê");
    });
  });

  describe("the province page", () => {
    it("lists the communes and wards in force, each with its scheme day", async () => {
      const { res, html } = await page("/don-vi");
      expect(res.status).toBe(200);
      const { doc } = metaOf(html);
      expect(doc.querySelector("h1")?.textContent).toBe("Ngày không hẹn tại các xã, phường tỉnh Lâm Đồng");
      const links = [...doc.querySelectorAll("ul.units a")];
      expect(links).toHaveLength(28);
      expect(links.map((a) => a.getAttribute("href"))).toContain("/don-vi/24631");
      expect(text(doc)).toContain("Ngày không hẹn: Thứ Tư, nhận hồ sơ trả trong ngày đến 15:00");
    });

    it("finds 'quang khe' typed without diacritics, and a former commune's name leads to its successor", async () => {
      let doc = metaOf((await page("/don-vi?q=quang%20khe")).html).doc;
      expect([...doc.querySelectorAll("ul.units a")].map((a) => a.textContent)).toEqual(["Xã Quảng Khê"]);
      doc = metaOf((await page("/don-vi?q=dak%20plao")).html).doc;
      const items = [...doc.querySelectorAll("ul.units li")];
      expect(items).toHaveLength(1);
      expect(items[0]!.querySelector("a")?.getAttribute("href")).toBe("/don-vi/24631");
      expect(items[0]!.textContent).toContain("trước đây: xã Đắk Plao");
      doc = metaOf((await page("/don-vi?q=khong%20co%20xa%20nay")).html).doc;
      expect(text(doc)).toContain("Không tìm thấy xã, phường nào khớp với “khong co xa nay”");
    });

    it("a former district or province name, typed with or without diacritics, lists today's communes of its area", async () => {
      for (const q of ["dak glong", "Đắk Glong"]) {
        const items = [
          ...metaOf((await page(`/don-vi?q=${encodeURIComponent(q)}`)).html).doc.querySelectorAll("ul.units li"),
        ].map((li) => li.textContent ?? "");
        expect(items.find((t) => t.startsWith("Xã Quảng Khê"))).toContain("huyện Đăk Glong");
        expect(items.some((t) => t.startsWith("Xã Quảng Sơn"))).toBe(true);
      }
      for (const q of ["Đắk Nông", "dak nong"]) {
        const items = [
          ...metaOf((await page(`/don-vi?q=${encodeURIComponent(q)}`)).html).doc.querySelectorAll("ul.units li"),
        ].map((li) => li.textContent ?? "");
        expect(items).toHaveLength(28);
        expect(items.find((t) => t.startsWith("Xã Tuy Đức"))).toContain("thuộc tỉnh Đắk Nông cũ");
      }
    });

    it("the API's unit search (the mini app's) names the former unit and its successors", async () => {
      const body = (await (await app.request("/api/units?q=dak%20glong")).json()) as {
        items: unknown[];
        formerNames: {
          former: { displayName: string; validTo: string };
          successors: { displayName: string; code: string }[];
        }[];
      };
      expect(body.formerNames).toHaveLength(1);
      expect(body.formerNames[0]!.former).toMatchObject({ displayName: "huyện Đăk Glong", validTo: "2025-06-30" });
      expect(body.formerNames[0]!.successors.map((u) => u.displayName)).toEqual(
        expect.arrayContaining(["xã Quảng Khê", "xã Quảng Sơn", "xã Tà Đùng"]),
      );
      const current = (await (await app.request("/api/units?q=quang%20khe")).json()) as {
        items: { displayName: string }[];
        formerNames?: unknown;
      };
      expect(current.items.map((u) => u.displayName)).toEqual(["xã Quảng Khê"]);
      expect(current.formerNames).toBeUndefined();
    });
  });

  describe("the widget", () => {
    it("may be framed by any site (that path only), sets no cookie and links to the unit page", async () => {
      const w = await page("/don-vi/24631/widget");
      expect(w.res.status).toBe(200);
      expect(w.res.headers.get("x-frame-options")).toBeNull();
      expect(w.res.headers.get("content-security-policy")).toContain("frame-ancestors http: https:");
      expect(w.res.headers.get("set-cookie")).toBeNull();
      const { doc } = metaOf(w.html);
      expect(text(doc)).toContain("Hôm nay là Ngày không hẹn — nhận hồ sơ trả trong ngày đến 15:00");
      expect(text(doc)).toContain("Cấp Giấy xác nhận tình trạng hôn nhân");
      expect(doc.querySelector("a")?.getAttribute("href")).toBe(`${BASE}/don-vi/24631`);
      expect(doc.querySelectorAll("script, img")).toHaveLength(0);

      const p = await page("/don-vi/24631");
      expect(p.res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(p.res.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");

      const js = await page("/don-vi/24631/widget.js");
      expect(js.res.headers.get("content-type")).toMatch(/javascript/);
      expect(js.res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
      expect(js.html).toContain(JSON.stringify(`${BASE}/don-vi/24631/widget`));
      expect(js.html).not.toMatch(/cookie|fetch|XMLHttpRequest|sendBeacon/i);
    });
  });

  describe("the QR poster", () => {
    const poppler = popplerAvailable();
    (poppler ? it : it.skip)(
      "A4 PDF states the unit, weekday, hours and cut-off, and its QR opens the mini-app at this unit",
      async () => {
        const res = await app.request("/don-vi/24631/poster.pdf");
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("application/pdf");
        const pdf = Buffer.from(await res.arrayBuffer());
        expect(pdfPageCount(pdf)).toBe(1);
        const words = flatPdfText(pdf);
        expect(words).toContain("Ngày không viết – Ngày không hẹn");
        expect(words).toContain("XÃ QUẢNG KHÊ");
        expect(words).toContain("THỨ TƯ HẰNG TUẦN");
        expect(words).toContain("07:00–11:30, 13:30–17:00");
        expect(words).toContain("Nộp hồ sơ đầy đủ trước 15:00");
        expect(words).toContain("Cấp Giấy xác nhận tình trạng hôn nhân");
        expect(words).toContain(PHONE);
        expect(words).toContain("khonghen.example/m/don-vi/24631");

        const [qr, ...others] = await decodeQrPng(pdfPageToPng(pdf, 100));
        expect(others).toEqual([]);
        expect(qr).toBe(`${BASE}/m/don-vi/24631`);
        // The mini-app's web build routes this path to the unit's screen (test/e2e/mini-app-routing.e2e.test.ts).
        expect(new URL(qr!).pathname).toBe("/m/don-vi/24631");
      },
    );

    (poppler ? it : it.skip)(
      "A5 and A3 variants keep one page on their paper size; a wrong size is a clear 400",
      async () => {
        for (const [size, width, height] of [
          ["a5", 419.53, 595.28],
          ["a3", 841.89, 1190.55],
        ] as const) {
          const pdf = Buffer.from(await (await app.request(`/don-vi/24631/poster.pdf?size=${size}`)).arrayBuffer());
          expect(pdfPageCount(pdf)).toBe(1);
          const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
          expect([Number(box?.[1]).toFixed(0), Number(box?.[2]).toFixed(0)]).toEqual([
            width.toFixed(0),
            height.toFixed(0),
          ]);
          expect(flatPdfText(pdf)).toContain("Nộp hồ sơ đầy đủ trước 15:00");
        }
        const bad = await page("/don-vi/24631/poster.pdf?size=b4");
        expect(bad.res.status).toBe(400);
        expect(bad.html).toContain("Chọn size=a5, a4 hoặc a3");
      },
    );

    it("as PNG, its QR opens the Zalo Mini App at this unit when a Mini App id is configured", async () => {
      const zalo = await startTestApp(t, {
        now: WED_10,
        env: { PUBLIC_BASE_URL: BASE, ZALO_MINIAPP_ID: "1234567890123456789" },
      });
      try {
        const res = await zalo.request("/don-vi/24631/poster.png?size=a5");
        expect(res.status).toBe(200);
        const png = Buffer.from(await res.arrayBuffer());
        expect(pngSize(png).width).toBe(Math.round(148 * (150 / 25.4)));
        const [qr] = await decodeQrPng(png);
        expect(qr).toBe("https://zalo.me/s/1234567890123456789/?unit=24631");
        expect(searchParams(new URL(qr!).search).unit).toBe("24631");
        const { doc } = metaOf(await (await zalo.request("/don-vi/24631")).text());
        expect(doc.querySelector("a.btn")?.getAttribute("href")).toBe(
          "https://zalo.me/s/1234567890123456789/?unit=24631",
        );
        expect(text(doc)).toContain("Không dùng Zalo?");
      } finally {
        await zalo.close();
      }
    });
  });
});
