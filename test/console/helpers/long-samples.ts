/**
 * Long, realistic values for every field of a form: 40-character Vietnamese names, long addresses, two table rows,
 * so the layout tests see what a full form looks like at the counter.
 */
import type { FormColumn, ProcedureVersion } from "../../../shared/procedures/procedure-version.js";

export const LONG_NAME = "NGUYỄN THỊ THANH HƯƠNG LAN PHƯƠNG ĐÔNG TÂY"; // 41 characters
export const LONG_ADDRESS =
  "Số 1234 đường Nguyễn Tất Thành, tổ dân phố 15, thôn Đắk Ha Thượng, phường Nam Gia Nghĩa, tỉnh Lâm Đồng";

function valueOf(f: FormColumn, row: number): unknown {
  const id = f.id.toLowerCase();
  switch (f.type) {
    case "date":
      return row === 0 ? "2026-03-18" : "1987-12-31";
    case "choice":
      return f.options?.[Math.min(row, (f.options?.length ?? 1) - 1)];
    case "multiChoice":
      return f.options?.slice(0, 1) ?? [];
    case "checkbox":
      return row === 0;
    case "integer":
      return 12;
    case "money":
      return 1_500_000_000;
    case "phone":
      return "0912345678";
    case "email":
      return "nguyen.thi.thanh.huong.lan@example.vn";
    case "idNumber":
      return "067301000002";
    case "taxCode":
      return "8012345678-001";
    case "textarea":
      return `${LONG_ADDRESS}; ghi chú dài để kiểm tra xuống dòng đúng trong ô.`;
    default:
      if (f.pattern === "^\\d{4}$") return "4721";
      if (f.pattern?.startsWith("^HỘ KINH DOANH")) return "HỘ KINH DOANH CÀ PHÊ ĐẮK HA THƯỢNG NGÀN";
      if (f.pattern) return "ABC123456";
      if (/name|ten|holder/.test(id) && !/business|project|certificate|contract/.test(id))
        return f.uppercase ? LONG_NAME : "Nguyễn Thị Thanh Hương Lan Phương Đông Tây";
      if (/address|residence|street|office|issuer/.test(id)) return LONG_ADDRESS;
      if (/serial|number|code/.test(id)) return "CS 01571234";
      return f.maxLength !== undefined && f.maxLength < 40
        ? "Kinh".slice(0, f.maxLength)
        : "Giá trị dài để kiểm tra: Thửa đất trồng cây lâu năm";
  }
}

export function longSample(version: ProcedureVersion): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of version.form.fields) {
    if (f.type === "table" || f.type === "repeat") {
      data[f.id] = [0, 1].map((row) =>
        Object.fromEntries(
          (f.itemFields ?? []).map((c) => [
            c.id,
            c.type === "checkbox" && f.exactlyOneTrue === c.id ? row === 0 : valueOf(c, row),
          ]),
        ),
      );
    } else {
      data[f.id] = valueOf(f, 0);
    }
  }
  return data;
}
