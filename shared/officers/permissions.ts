/**
 * Who may do what in the console: one table, action → roles, read by the console routes (a route names its
 * action, the route table refuses everyone else with `forbidden`) and by the access-matrix test. The dossier
 * lifecycle's own steps (receive, approve, return…) are decided by the transition table in
 * shared/data/lifecycle.ts; this table covers everything else.
 */
import type { Role } from "../data/lifecycle.js";
import { isProvinceWide, type Officer } from "./officer.js";

interface Permission {
  roles: readonly Role[];
  /** The officer must belong to a unit, unless a province viewer (who reads every unit) is among the roles. */
  ownUnit?: true;
  /** What the officer reads when refused (the table's `forbidden` text otherwise). */
  refusal?: string;
}

const UNIT_ADMIN: readonly Role[] = ["unit_admin"];
/** Administration of a unit: its own administrator, or the province administrator (checked per unit by `administers`). */
const ANY_ADMIN: readonly Role[] = ["unit_admin", "province_admin"];
const PROVINCE_ADMIN: readonly Role[] = ["province_admin"];
/** Everyone who works a unit's cases: not the province viewer (reads only), not volunteers (help at the counter). */
const UNIT_STAFF: readonly Role[] = ["counter_officer", "processing_officer", "leader", "unit_admin"];

export const PERMISSIONS = {
  /** Unit administration (accounts, office, settings) of a unit the officer `administers`. */
  "admin.unit": {
    roles: ANY_ADMIN,
    ownUnit: true,
    refusal: "Chỉ quản trị đơn vị hoặc quản trị cấp tỉnh được thay đổi thiết lập này.",
  },
  /** Province administration (plans, procedure versions, the calendar, the province's accounts). */
  "admin.province": {
    roles: PROVINCE_ADMIN,
    ownUnit: true,
    refusal: "Chỉ quản trị cấp tỉnh được thay đổi thiết lập này.",
  },
  /** Save what was typed at the counter (volunteers may, they do not receive). */
  "intake.save_draft": { roles: ["counter_officer", "volunteer"] },
  /** Drop a counter draft typed in error. */
  "intake.discard_draft": { roles: ["counter_officer", "unit_admin"] },
  /** Re-address another unit's pre-registration with the citizen present. */
  "intake.readdress": { roles: ["counter_officer"] },
  "settings.leader_alert": { roles: UNIT_ADMIN, ownUnit: true },
  /** The leader marks themself away; their delegate approves meanwhile. */
  "leader.away": { roles: ["leader"] },
  "feedback.answer": { roles: UNIT_STAFF },
  "conversations.handle": {
    roles: UNIT_STAFF,
    refusal: "Vai trò của bạn không được đánh dấu đã xử lý cuộc trò chuyện.",
  },
  "data_requests.read": {
    roles: ["unit_admin", "province_viewer", "province_admin"],
    ownUnit: true,
    refusal: "Chỉ quản trị đơn vị được xem yêu cầu chỉnh sửa dữ liệu của người dân.",
  },
  "data_requests.answer": {
    roles: UNIT_ADMIN,
    ownUnit: true,
    refusal: "Chỉ quản trị đơn vị được trả lời yêu cầu chỉnh sửa dữ liệu.",
  },
  "notifications.read_dead_letters": {
    roles: ["unit_admin", "leader", "province_viewer", "province_admin"],
    ownUnit: true,
    refusal: "Chỉ quản trị đơn vị và lãnh đạo đơn vị được xem thông báo chưa gửi được.",
  },
  "notifications.redrive": { roles: UNIT_ADMIN, ownUnit: true, refusal: "Chỉ quản trị đơn vị được gửi lại thông báo." },
  "office_contact.edit": {
    roles: UNIT_ADMIN,
    ownUnit: true,
    refusal: "Chỉ quản trị đơn vị được sửa số điện thoại và địa chỉ Bộ phận Một cửa.",
  },
  "chatbot.edit_area": { roles: UNIT_ADMIN, refusal: "Chỉ quản trị đơn vị được đặt khu vực của chatbot." },
  "security.read_alerts": { roles: UNIT_ADMIN, ownUnit: true },
  "workflow.edit": { roles: UNIT_ADMIN, ownUnit: true, refusal: "Chỉ quản trị đơn vị được đổi quy trình giải quyết." },
  /** Record, correct or erase a citizen's phone number on a dossier. */
  "dossier.phone": {
    roles: ["counter_officer", "processing_officer", "unit_admin"],
    ownUnit: true,
    refusal: "Chỉ cán bộ Bộ phận Một cửa của đơn vị được ghi số điện thoại của người dân.",
  },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;

export function may(officer: Pick<Officer, "role" | "unitId">, action: Action): boolean {
  const p: Permission = PERMISSIONS[action];
  if (!p.roles.includes(officer.role)) return false;
  return !p.ownUnit || isProvinceWide(officer) || officer.unitId !== null;
}

/** The refusal text of an action, when it has its own. */
export function refusalOf(action: Action): string | undefined {
  return (PERMISSIONS[action] as Permission).refusal;
}
