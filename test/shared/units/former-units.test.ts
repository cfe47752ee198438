import { describe, expect, test } from "@jest/globals";
import { currentAddressOffer, searchFormerUnits } from "../../../shared/units/former-units.js";
import { unitDirectory as units } from "../../../shared/units/unit-directory.js";

const TODAY = "2026-12-02";
const names = (list: { name: string }[]) => list.map((u) => u.name);

describe("former district and province names lead to today's communes", () => {
  test.each(["dak glong", "Đắk Glong", "huyen dak glong", "ĐĂK GLONG"])(
    "%s → huyện Đăk Glong cũ → Quảng Khê, Quảng Sơn, …",
    (q) => {
      const [lead, ...others] = searchFormerUnits(units, q, TODAY);
      expect(others).toEqual([]);
      expect(units.displayName(lead!.former)).toBe("huyện Đăk Glong");
      expect(names(lead!.successors)).toEqual(
        expect.arrayContaining(["Quảng Khê", "Quảng Sơn", "Quảng Hòa", "Tà Đùng"]),
      );
      expect(lead!.successors.every((u) => u.level === "commune" && units.isInForce(u, TODAY))).toBe(true);
    },
  );

  test.each(["Đắk Nông", "dak nong", "tinh dak nong"])(
    "%s → the 28 communes and wards now covering the former province",
    (q) => {
      const lead = searchFormerUnits(units, q, TODAY).find((l) => l.former.level === "province");
      expect(lead && units.displayName(lead.former)).toBe("tỉnh Đắk Nông");
      expect(lead!.successors).toHaveLength(28);
      expect(new Set(lead!.successors.map((u) => units.provinceOf(u)?.name))).toEqual(new Set(["Lâm Đồng"]));
    },
  );

  test("before the reform the district was in force: no lead", () => {
    expect(searchFormerUnits(units, "dak glong", "2024-05-01")).toEqual([]);
  });

  test("a name that never existed gives nothing", () => {
    expect(searchFormerUnits(units, "ha noi", TODAY)).toEqual([]);
  });
});

describe("the address printed on an older CCCD, offered in today's units", () => {
  test("a commune kept by name: only the district and province change", () => {
    const offer = currentAddressOffer(units, "Thôn 3, Xã Quảng Khê, Huyện Đắk Glong, Tỉnh Đắk Nông", TODAY);
    expect(offer?.current).toBe("Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng");
    expect(offer?.printed).toBe("Thôn 3, Xã Quảng Khê, Huyện Đắk Glong, Tỉnh Đắk Nông");
    expect(currentAddressOffer(units, "Thôn 3, Xã Quảng Khê, Huyện Đắk Glong", TODAY)?.current).toBe(
      "Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng",
    );
  });

  test("a merged commune leads to the one that took it over (typed without diacritics too)", () => {
    expect(
      currentAddressOffer(units, "Tổ 2, Phường Nghĩa Thành, Thành phố Gia Nghĩa, Tỉnh Đắk Nông", TODAY)?.current,
    ).toBe("Tổ 2, phường Bắc Gia Nghĩa, tỉnh Lâm Đồng");
    expect(currentAddressOffer(units, "To 2, phuong Nghia Thanh, TP Gia Nghia, tinh Dak Nong", TODAY)?.current).toBe(
      "To 2, phường Bắc Gia Nghĩa, tỉnh Lâm Đồng",
    );
  });

  test.each([
    ["an address already in today's units", "Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng"],
    ["a commune not in the directory", "Thôn 1, Xã Hòa Bình, Huyện X, Tỉnh Y"],
    ["no unit at all", "số 5 đường Lê Lợi"],
    ["a commune of that name in another district", "Thôn 3, Xã Quảng Khê, Huyện Krông Nô, Tỉnh Đắk Nông"],
  ])("%s: no offer", (_what, address) => {
    expect(currentAddressOffer(units, address, TODAY)).toBeUndefined();
  });

  test("before 1/7/2025 the printed address is still current: no offer", () => {
    expect(
      currentAddressOffer(units, "Thôn 3, Xã Quảng Khê, Huyện Đắk Glong, Tỉnh Đắk Nông", "2025-06-30"),
    ).toBeUndefined();
  });
});
