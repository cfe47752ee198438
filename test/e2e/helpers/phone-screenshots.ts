/**
 * Screenshots of whole screens at a 360×740 phone viewport into test-output/screenshots/ (gitignored).
 * zmp-ui pages scroll inside their own container, so the viewport is stretched to the content for the shot.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

export const PHONE = { width: 360, height: 740 };
export const SCREENSHOT_DIR = "test-output/screenshots";

let counter = 0;

export async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForTimeout(450); // let the page transition (react-spring, ~300 ms) finish
  const height = await page.evaluate(`(() => {
    const pages = Array.from(document.querySelectorAll(".kh-page"));
    const current = pages[pages.length - 1];
    return current ? current.scrollHeight : document.documentElement.scrollHeight;
  })()`);
  const file = join(SCREENSHOT_DIR, `${String(++counter).padStart(2, "0")}-${name}.png`);
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, Math.ceil(Number(height))) });
  await page.screenshot({ path: file });
  await page.setViewportSize(PHONE);
  return file;
}
