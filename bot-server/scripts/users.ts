/**
 * Officer accounts from the command line, against DATABASE_URL like the server (config.ts):
 *   npm run users -- add <username> --unit <unitCode> --role <role> [--name "<full name>"] [--password-stdin]
 *   npm run users -- list [--unit <unitCode>]
 *   npm run users -- disable <username>
 *   npm run users -- reset-password <username> [--password-stdin]
 * Without --password-stdin a one-time password is generated and printed once; it must be changed at the first
 * sign-in. Every change is written to audit_log (subject kind "user"). Exit codes: 0 done, 1 refused (unknown unit,
 * role or user; name taken), 2 wrong usage.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { ROLE_LABELS_VI } from "../../shared/dossier/lifecycle-labels.js";
import { ACCOUNT_ROLES, USERNAME_PATTERN } from "../../shared/officers/accounts.js";
import { vnMomentFromEpoch } from "../../shared/time/vn-time.js";
import { parseConfig } from "../src/config.js";
import { hashPassword } from "../src/console/session-auth.js";
import { writeAudit } from "../src/store/audit.js";
import { openDatabase, type DatabaseHandle } from "../src/store/connect.js";
import { migrateToLatest } from "../src/store/migrate.js";
import { deleteSessionsOfUser } from "../src/store/sessions.js";
import { findUnitByCode } from "../src/store/units.js";
import {
  findOfficerByUsername,
  insertOfficer,
  listOfficers,
  setOfficerActive,
  setOfficerPassword,
} from "../src/store/users.js";

/** The roles the console knows and the user-name rule: the same as the console's account administration. */
export { ACCOUNT_ROLES };
const USERNAME = USERNAME_PATTERN;
const MIN_PASSWORD = 12;

const USAGE = `Cách dùng / usage:
  npm run users -- add <tên đăng nhập> --unit <mã đơn vị> --role <vai trò> [--name "<họ và tên>"] [--password-stdin]
  npm run users -- list [--unit <mã đơn vị>]
  npm run users -- disable <tên đăng nhập>
  npm run users -- reset-password <tên đăng nhập> [--password-stdin]
Vai trò / roles: ${ACCOUNT_ROLES.join(", ")}`;

class Refused extends Error {
  constructor(
    message: string,
    public exitCode = 1,
  ) {
    super(message);
  }
}

interface Args {
  command: string;
  target: string | undefined;
  unit?: string;
  role?: string;
  name?: string;
  passwordStdin: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const [command = "", ...rest] = argv;
  const args: Args = { command, target: undefined, passwordStdin: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith("--"))
        throw new Refused(`Thiếu giá trị sau ${a} / ${a} needs a value\n${USAGE}`, 2);
      return v;
    };
    if (a === "--unit") args.unit = value();
    else if (a === "--role") args.role = value();
    else if (a === "--name") args.name = value();
    else if (a === "--password-stdin") args.passwordStdin = true;
    else if (a.startsWith("--")) throw new Refused(`Không hiểu tuỳ chọn ${a} / unknown option\n${USAGE}`, 2);
    else if (args.target === undefined) args.target = a;
    else throw new Refused(`Thừa tham số "${a}" / unexpected argument\n${USAGE}`, 2);
  }
  return args;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Readable one-time passwords: 16 characters without look-alikes (as the demo accounts). */
function oneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzACDEFHJKMNPRTUVWXY34679";
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join("");
}

async function newPassword(fromStdin: boolean): Promise<{ password: string; oneTime: boolean }> {
  if (!fromStdin) return { password: oneTimePassword(), oneTime: true };
  const password = await readStdin();
  if (password.length < MIN_PASSWORD)
    throw new Refused(
      `Mật khẩu phải dài ít nhất ${MIN_PASSWORD} ký tự / the password needs at least ${MIN_PASSWORD} characters`,
    );
  if (password.length > 200)
    throw new Refused("Mật khẩu dài quá 200 ký tự / the password is longer than 200 characters");
  return { password, oneTime: false };
}

function requireUsername(a: Args): string {
  if (!a.target) throw new Refused(`Thiếu tên đăng nhập / missing user name\n${USAGE}`, 2);
  return a.target.trim().toLowerCase();
}

async function unitByCode(
  db: DatabaseHandle["db"],
  code: string,
  today: string,
): Promise<{ id: string; name: string; level: string }> {
  const unit = await findUnitByCode(db, code.trim(), today);
  if (!unit)
    throw new Refused(
      `Không có đơn vị nào mã "${code}" đang hoạt động (xem mã đơn vị tại /api/units?q=…) / no unit in force with code "${code}"`,
    );
  return unit;
}

async function run(a: Args, db: DatabaseHandle["db"], out: (line: string) => void): Promise<void> {
  const nowIso = new Date().toISOString();
  const today = vnMomentFromEpoch(Date.now()).date;
  const audit = (subjectId: string, action: "create" | "update", fields: string[], reason: string) =>
    writeAudit(db, {
      at: nowIso,
      actorKind: "system",
      actorId: null,
      action,
      subjectKind: "user",
      subjectId,
      fields,
      reason: `${reason} (dòng lệnh npm run users)`,
    });

  switch (a.command) {
    case "add": {
      const username = requireUsername(a);
      if (!USERNAME.test(username))
        throw new Refused(
          `Tên đăng nhập "${username}" chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới (3–64 ký tự) / invalid user name`,
        );
      if (!a.role) throw new Refused(`Thiếu --role / missing --role\n${USAGE}`, 2);
      if (!(ACCOUNT_ROLES as readonly string[]).includes(a.role)) {
        throw new Refused(
          `Vai trò "${a.role}" không có trong bàn làm việc. Các vai trò: ${ACCOUNT_ROLES.map((r) => `${r} (${ROLE_LABELS_VI[r]})`).join(", ")} / unknown role`,
        );
      }
      const role = a.role as (typeof ACCOUNT_ROLES)[number];
      if (!a.unit && role !== "province_viewer")
        throw new Refused(`Thiếu --unit <mã đơn vị> / missing --unit\n${USAGE}`, 2);
      const unit = a.unit ? await unitByCode(db, a.unit, today) : undefined;
      // A province administrator administers the units of their province: the account belongs to the province.
      if (role === "province_admin" && unit?.level !== "province")
        throw new Refused(
          `Quản trị cấp tỉnh cần --unit <mã tỉnh> (ví dụ 68 cho tỉnh Lâm Đồng) / a province_admin needs --unit <province code>`,
          2,
        );
      if (await findOfficerByUsername(db, username))
        throw new Refused(`Tên đăng nhập "${username}" đã có / the user name is taken`);
      const { password, oneTime } = await newPassword(a.passwordStdin);
      const id = randomUUID();
      await insertOfficer(db, {
        id,
        username,
        passwordHash: await hashPassword(password),
        displayName: a.name?.trim().normalize("NFC") || username,
        role,
        unitId: unit?.id ?? null,
        now: nowIso,
        mustChangePassword: oneTime,
      });
      await audit(
        id,
        "create",
        ["username", "display_name", "role", "unit_id", "password_hash"],
        `Tạo tài khoản ${username}, vai trò ${role}${unit ? `, đơn vị ${unit.name}` : ""}`,
      );
      out(`Đã tạo tài khoản / created: ${username} (${ROLE_LABELS_VI[role]}${unit ? `, ${unit.name}` : ""})`);
      if (oneTime)
        out(
          `Mật khẩu dùng một lần (chỉ hiển thị lần này, đổi khi đăng nhập lần đầu) / one-time password, shown once: ${password}`,
        );
      return;
    }
    case "list": {
      const unit = a.unit ? await unitByCode(db, a.unit, today) : undefined;
      const officers = await listOfficers(db, unit?.id);
      if (officers.length === 0) return out("Chưa có tài khoản nào / no accounts");
      const width = Math.max(...officers.map((o) => o.username.length));
      for (const o of officers) {
        const flags = [
          o.active ? "" : "đã khóa/disabled",
          o.mustChangePassword ? "chờ đổi mật khẩu/must change password" : "",
        ]
          .filter(Boolean)
          .join(", ");
        out(
          `${o.username.padEnd(width)}  ${o.role.padEnd(18)}  ${(o.unitId ?? "-").padEnd(18)}  ${o.displayName}${flags ? `  [${flags}]` : ""}`,
        );
      }
      return;
    }
    case "disable": {
      const username = requireUsername(a);
      const o = await findOfficerByUsername(db, username);
      if (!o) throw new Refused(`Không có tài khoản "${username}" / no such user`);
      await setOfficerActive(db, o.id, false);
      const ended = await deleteSessionsOfUser(db, o.id);
      await audit(o.id, "update", ["active"], `Khóa tài khoản ${username}`);
      out(
        `Đã khóa tài khoản / disabled: ${username}${ended > 0 ? ` (kết thúc ${ended} phiên đang mở / ${ended} session(s) ended)` : ""}`,
      );
      return;
    }
    case "reset-password": {
      const username = requireUsername(a);
      const o = await findOfficerByUsername(db, username);
      if (!o) throw new Refused(`Không có tài khoản "${username}" / no such user`);
      const { password, oneTime } = await newPassword(a.passwordStdin);
      await setOfficerPassword(db, o.id, await hashPassword(password), oneTime);
      await deleteSessionsOfUser(db, o.id);
      await audit(o.id, "update", ["password_hash"], `Đặt lại mật khẩu tài khoản ${username}`);
      out(`Đã đặt lại mật khẩu / password reset: ${username}`);
      if (oneTime)
        out(
          `Mật khẩu dùng một lần (chỉ hiển thị lần này, đổi khi đăng nhập lần đầu) / one-time password, shown once: ${password}`,
        );
      return;
    }
    default:
      throw new Refused(a.command ? `Không có lệnh "${a.command}" / unknown command\n${USAGE}` : USAGE, 2);
  }
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    return e instanceof Refused ? e.exitCode : 2;
  }
  const config = parseConfig(process.env);
  if (!config.ok) {
    console.error(`Cấu hình chưa đúng / invalid configuration:\n${config.errors.map((e) => `  - ${e}`).join("\n")}`);
    return 2;
  }
  const handle = openDatabase(config.config.database);
  try {
    await migrateToLatest(handle.db);
    await run(args, handle.db, (line) => console.log(line));
    return 0;
  } catch (e) {
    if (e instanceof Refused) {
      console.error(e.message);
      return e.exitCode;
    }
    throw e;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
