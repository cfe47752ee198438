import { beforeAll, expect, it } from "@jest/globals";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { aDossier, aUnit } from "./rows.js";

// Synthetic applicant (docs/domain/personal-data.md#cccd-qr-payload style); the values exercise every Vietnamese diacritic family.
const FORM = {
  hoTen: "Nguyễn Thị Ánh Tuyết",
  noiCuTru: "thôn Đắk Ha, xã Quảng Khê, tỉnh Lâm Đồng",
  ghiChu: "Đề nghị cấp bản sao trích lục khai sinh; “ưu tiên” – ngày 02/07/2025 ✓",
  soBanSao: 2,
  kemTheo: ["Tờ khai", "Giấy ủy quyền"],
};

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  const unitId = aUnit().id;
  beforeAll(async () => {
    t = await open();
    await t.db.insertInto("units").values(aUnit()).execute();
  });

  it("Vietnamese text in NFC comes back byte for byte, in a text column and inside JSON", async () => {
    const dossier = aDossier(unitId, { applicant_name: FORM.hoTen, form_data: JSON.stringify(FORM) });
    await t.db.insertInto("dossiers").values(dossier).execute();
    const row = await t.db
      .selectFrom("dossiers")
      .where("id", "=", dossier.id)
      .select(["applicant_name", "form_data"])
      .executeTakeFirstOrThrow();
    expect(row.applicant_name).toBe("Nguyễn Thị Ánh Tuyết");
    expect(row.applicant_name.normalize("NFC")).toBe(row.applicant_name);
    expect(Buffer.from(row.applicant_name)).toEqual(Buffer.from(FORM.hoTen.normalize("NFC")));
    expect(typeof row.form_data).toBe("string");
    expect(JSON.parse(row.form_data)).toEqual(FORM);
  });

  it("the store does not rewrite text: NFD input stays NFD (normalising is the boundary's job)", async () => {
    const nfd = "Đặng Quốc Ân".normalize("NFD");
    const dossier = aDossier(unitId, { applicant_name: nfd });
    await t.db.insertInto("dossiers").values(dossier).execute();
    const row = await t.db
      .selectFrom("dossiers")
      .where("id", "=", dossier.id)
      .select("applicant_name")
      .executeTakeFirstOrThrow();
    expect(row.applicant_name).toBe(nfd);
    expect(row.applicant_name).not.toBe("Đặng Quốc Ân".normalize("NFC"));
  });

  it("an exact match on a Vietnamese value finds the row", async () => {
    await t.db
      .insertInto("units")
      .values(aUnit({ id: "dak-mil@2025-07-01", code: "99002", name: "Đắk Mil", folded_name: "dak mil" }))
      .execute();
    const found = await t.db.selectFrom("units").where("name", "=", "Đắk Mil").select("id").execute();
    expect(found).toEqual([{ id: "dak-mil@2025-07-01" }]);
  });
});
