/**
 * Debian Chromium for browser tests (docs/architecture.md#browser-tests): never downloaded. Missing Chromium fails the suite
 * when REQUIRE_CHROMIUM=1 (CI); elsewhere the suite is skipped with a loud warning, never silently.
 */
import { existsSync } from "node:fs";
import { describe, it } from "@jest/globals";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** `describe` when Chromium is there; otherwise a failing test (REQUIRE_CHROMIUM=1) or a loud skip. */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, body);
    return;
  }
  if (process.env.REQUIRE_CHROMIUM === "1") {
    describe(name, () => {
      it("needs Chromium", () => {
        throw new Error(
          `REQUIRE_CHROMIUM=1 but no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`,
        );
      });
    });
    return;
  }
  console.warn(
    `\n*** SKIPPED: "${name}" needs Chromium at ${CHROMIUM_PATH} (not found).\n*** Install it (apt-get install chromium) or set CHROMIUM_PATH; CI sets REQUIRE_CHROMIUM=1 so this fails there.\n`,
  );
  describe.skip(name, body);
}
