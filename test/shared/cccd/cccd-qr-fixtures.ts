/**
 * Synthetic CCCD QR payloads (docs/domain/personal-data.md#cccd-qr-payload). Invented numbers and names: never real samples, never used against
 * live systems.
 */

export const SEVEN_FIELDS =
  "067085000001|245000001|Nguyễn Văn Thử|15061985|Nam|Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông|20042021";
export const EMPTY_OLD_ID =
  "067301000002||Trần Thị Mẫu|12052001|Nữ|Tổ 2, Phường Nghĩa Tân, Thành phố Gia Nghĩa, Tỉnh Đắk Nông|05072022";
export const SIX_FIELDS =
  "067094000003|Lê Văn Ví Dụ|03031994|Nam|Xã Quảng Khê, Huyện Đăk Glong, Tỉnh Đắk Nông|10102021";

export interface CccdQrParts {
  id: string;
  oldId: string | undefined;
  name: string;
  dob: string;
  sex: string;
  address: string;
  issue: string | undefined;
}

const BASE: CccdQrParts = {
  id: "067085000001",
  oldId: "245000001",
  name: "Nguyễn Văn Thử",
  dob: "15061985",
  sex: "Nam",
  address: "Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông",
  issue: "20042021",
};

/** A synthetic payload with some parts replaced; `oldId: undefined` drops the field (6-field layout). */
export function cccdQrExample(overrides: Partial<CccdQrParts> = {}): string {
  const p = { ...BASE, ...overrides };
  const fields = [p.id, ...(p.oldId === undefined ? [] : [p.oldId]), p.name, p.dob, p.sex, p.address];
  if (p.issue !== undefined) fields.push(p.issue);
  return fields.join("|");
}
