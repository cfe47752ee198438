/**
 * The province's TTHC information system, set up from the command line against DATABASE_URL (config.ts):
 *   npm run integration -- add-target --url <https://…> [--unit <mã đơn vị>]   where dossier events are POSTed
 *   npm run integration -- add-token --name "<tên hệ thống>" [--unit <mã đơn vị>]  a bearer token of the read API
 * Without --unit: the whole province. The signing secret and the token are generated and printed once (only the
 * token's SHA-256 is stored). Exit codes: 0 done, 1 refused (unknown unit, bad URL), 2 wrong usage.
 */
import { randomBytes } from "node:crypto";
import { vnMomentFromEpoch } from "../../shared/time/vn-time.js";
import { parseConfig } from "../src/config.js";
import { openDatabase } from "../src/store/connect.js";
import { insertIntegrationTarget, insertIntegrationToken } from "../src/store/integration.js";
import { migrateToLatest } from "../src/store/migrate.js";
import { findUnitByCode } from "../src/store/units.js";
import { hashIntegrationToken } from "../src/use-cases/integration-read.js";

const USAGE = `Cách dùng / usage:
  npm run integration -- add-target --url <https://…> [--unit <mã đơn vị>]
  npm run integration -- add-token --name "<tên hệ thống>" [--unit <mã đơn vị>]`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** https, or http to this machine (a receiver on the same host during set-up). */
export function acceptableTargetUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.protocol === "https:" || (u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname))
    );
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== "add-target" && command !== "add-token") {
    console.error(USAGE);
    return 2;
  }
  const config = parseConfig(process.env);
  if (!config.ok) {
    console.error(`Cấu hình chưa đúng / invalid configuration:\n${config.errors.map((e) => `  - ${e}`).join("\n")}`);
    return 2;
  }
  const handle = openDatabase(config.config.database);
  try {
    await migrateToLatest(handle.db);
    const now = new Date().toISOString();
    const unitCode = option(args, "unit");
    const unit = unitCode
      ? await findUnitByCode(handle.db, unitCode.trim(), vnMomentFromEpoch(Date.now()).date)
      : undefined;
    if (unitCode && !unit) {
      console.error(`Không tìm thấy đơn vị có mã ${unitCode} / unknown unit code`);
      return 1;
    }
    const scope = unit ? `đơn vị ${unit.name}` : "toàn tỉnh";
    if (command === "add-target") {
      const url = option(args, "url") ?? "";
      if (!acceptableTargetUrl(url)) {
        console.error("Địa chỉ nhận phải là https:// / the target URL must be https://");
        return 1;
      }
      const secret = randomBytes(32).toString("base64url");
      await insertIntegrationTarget(handle.db, { unitId: unit?.id ?? null, url, secret, now });
      console.log(
        `Đã thêm nơi nhận sự kiện hồ sơ (${scope}): ${url}\nKhóa ký HMAC-SHA256 (chỉ hiện một lần / shown once): ${secret}`,
      );
    } else {
      const name = option(args, "name")?.trim();
      if (!name) {
        console.error(USAGE);
        return 2;
      }
      const token = randomBytes(32).toString("base64url");
      await insertIntegrationToken(handle.db, {
        tokenHash: hashIntegrationToken(token),
        name,
        unitId: unit?.id ?? null,
        now,
      });
      console.log(
        `Đã cấp mã truy cập cho "${name}" (${scope}).\nAuthorization: Bearer ${token}\n(chỉ hiện một lần / shown once)`,
      );
    }
    return 0;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
