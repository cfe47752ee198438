/**
 * Browser-side helpers for the officer console e2e: an officer page signed in through the real login screen, an
 * action counter (every officer key press or click goes through it; a scanner's burst of keys plus Enter is one
 * action, as a scan), a citizen pre-registration made through the public API, and PDF text of a printed form.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "@jest/globals";
import { PASSWORD } from "../../console/helpers/console-server.js";
import { flatPdfText, pdfFirstPagePng } from "../../console/helpers/pdf-text.js";

export interface Officer {
  context: BrowserContext;
  page: Page;
}

export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  viewport = { width: 1366, height: 900 },
  password = PASSWORD,
): Promise<Officer> {
  const context = await browser.newContext({ viewport, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("link", { name: "Hôm nay" }).waitFor();
  return { context, page };
}

/** Counts what the officer does: clicks, key presses, scans. */
export class ActionCounter {
  count = 0;
  log: string[] = [];
  constructor(private page: Page) {}

  async click(locator: Locator, what: string): Promise<void> {
    await locator.click();
    this.count += 1;
    this.log.push(`click ${what}`);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.count += 1;
    this.log.push(`key ${key}`);
  }

  /** A USB scanner types the payload and Enter into the focused field: one action. */
  async scan(payload: string): Promise<void> {
    await this.page.keyboard.insertText(payload);
    await this.page.keyboard.press("Enter");
    this.count += 1;
    this.log.push(`scan ${payload.includes("|") ? "CCCD QR" : "code"}`);
  }
}

/** A citizen's pre-registration through the public API (device token, consent, form, submit); returns its code. */
export async function preRegister(
  baseUrl: string,
  unitCode: string,
  procedureCode: string,
  formData: Record<string, unknown>,
): Promise<string> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${baseUrl}/api${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const device = (await (await post("/citizens/device", {})).json()) as { token: string };
  const consent = (await (await fetch(`${baseUrl}/api/consent`)).json()) as { version: string };
  const created = await post(
    "/pre-registrations",
    { unitCode, procedureCode, formData, consent: { accepted: true, version: consent.version } },
    device.token,
  );
  expect(created.status).toBe(201);
  const pre = (await created.json()) as { id: string; code: string };
  const submitted = await post(`/pre-registrations/${pre.id}/submit`, {}, device.token);
  expect(submitted.status).toBe(200);
  return pre.code;
}

const SHOTS = join(process.cwd(), "test-output", "console-e2e");

/** The PDF shown in the print sheet: its text (flattened) and page 1 as PNG for a person to look at. */
export async function printedPdf(page: Page, name: string): Promise<{ text: string; url: string }> {
  const frame = page.getByTestId("print-frame");
  await frame.waitFor();
  const src = await frame.getAttribute("src");
  const url = new URL(src!, page.url()).toString();
  const res = await page.context().request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const pdf = await res.body();
  mkdirSync(SHOTS, { recursive: true });
  pdfFirstPagePng(pdf, join(SHOTS, name));
  return { text: flatPdfText(pdf), url };
}
