import { describe, expect, it } from "@jest/globals";
import { procedureVersions } from "../../../shared/data/procedures/procedure-versions.js";
import { validateFormData } from "../../../shared/procedures/form-schema.js";
import {
  procedureVersionSchema,
  type FormColumn,
  type ProcedureVersion,
} from "../../../shared/procedures/procedure-version.js";
import { formSamples } from "./form-samples.js";

const byId = (id: string): ProcedureVersion => {
  const v = procedureVersions.find((x) => x.id === id);
  if (!v) throw new Error(`missing ${id}`);
  return v;
};

/** Every object in the record that carries an evidence mark, with its path. */
function sourcedFacts(value: unknown, path = ""): { path: string; fact: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourcedFacts(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const own = "evidence" in value ? [{ path, fact: value as Record<string, unknown> }] : [];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => sourcedFacts(v, `${path}.${k}`))];
}

describe("procedure versions (data)", () => {
  it("ships a version per legal regime of each of the four procedures", () => {
    expect(procedureVersions.map((v) => v.id).sort()).toEqual([
      "1.001612@2023-01-01",
      "1.001612@2023-07-01",
      "1.001612@2025-01-01",
      "1.001612@2025-07-01",
      "1.001612@2026-01-01",
      "1.004873@2023-01-01",
      "1.004873@2024-07-21",
      "1.004873@2025-01-01",
      "1.004873@2025-07-01",
      "1.004873@2027-03-01",
      "1.011441@2023-01-15",
      "1.011441@2025-07-01",
      "1.011443@2023-01-15",
      "1.011443@2025-07-01",
    ]);
  });

  it("chains each procedure's versions day after day, without gap or overlap", () => {
    for (const code of ["1.001612", "1.004873", "1.011441", "1.011443"]) {
      const list = procedureVersions.filter((v) => v.code === code);
      for (let i = 1; i < list.length; i += 1) {
        const next = new Date(`${list[i - 1]!.validTo}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(`${code} ${list[i]!.validFrom}`).toBe(`${code} ${next.toISOString().slice(0, 10)}`);
      }
      expect(list.at(-1)!.validTo).toBeUndefined();
    }
  });

  it("household business: Circular 01/2021 form before 01/07/2023, no lump-sum method from 01/01/2026, the establishment article cited", () => {
    expect(byId("1.001612@2023-01-01").form.legalSource).toContain("01/2021/TT-BKHĐT");
    expect(byId("1.001612@2023-01-01").form.fields.some((f) => f.section === "tax")).toBe(false);
    expect(byId("1.001612@2023-07-01").form.legalSource).toContain("02/2023/TT-BKHĐT");
    const vat = (id: string) => byId(id).form.fields.find((f) => f.id === "vatMethod");
    expect(vat("1.001612@2025-07-01")?.options).toContain("Phương pháp khoán");
    expect(vat("1.001612@2026-01-01")).toBeUndefined();
    expect(JSON.stringify(byId("1.001612@2026-01-01").form.fields)).not.toContain("khoán");
    expect(
      byId("1.001612@2026-01-01")
        .legalBasis.map((b) => b.title)
        .join(" "),
    ).toContain("198/2025/QH15");
    for (const id of ["1.001612@2025-07-01", "1.001612@2026-01-01"]) {
      expect(byId(id).legalBasis[0]).toMatchObject({ title: expect.stringContaining("168/2025"), articles: "Điều 99" });
    }
  });

  it.each([
    ["1.001612@2023-07-01", "1.001612@2025-01-01", "ownerLegalDocType"],
    ["1.004873@2023-01-01", "1.004873@2025-01-01", "requesterIdType"],
    ["1.004873@2023-01-01", "1.004873@2025-07-01", "subjectIdType"],
  ])("the old ID card is offered by %s and no longer by %s (valid until 31/12/2024)", (before, after, field) => {
    const options = (id: string) => byId(id).form.fields.find((f) => f.id === field)?.options ?? [];
    expect(options(before)).toContain("Chứng minh nhân dân");
    expect(options(after)).not.toContain("Chứng minh nhân dân");
    expect(options(after)).toContain("Căn cước công dân");
  });

  it("marital status: accepted identity documents from 2025 do not list the old ID card; the 2026 civil-status law applies from 01/03/2027", () => {
    const doc = (id: string) => byId(id).requiredDocuments.find((d) => d.id === "identity_document")!.name;
    expect(doc("1.004873@2023-01-01")).toContain("Chứng minh nhân dân");
    expect(doc("1.004873@2025-07-01")).not.toContain("Chứng minh nhân dân");
    expect(byId("1.004873@2027-03-01").legalBasis[0]).toMatchObject({
      title: "Luật Hộ tịch 03/2026/QH16",
      evidence: "S",
    });
  });

  it("marital status: the declaration amended by Circular 04/2024/TT-BTP from 21/07/2024, that date marked for the administrator", () => {
    const before = byId("1.004873@2023-01-01");
    const amended = byId("1.004873@2024-07-21");
    expect(before.validTo).toBe("2024-07-20");
    expect(before.form.legalSource).not.toContain("04/2024/TT-BTP");
    for (const id of ["1.004873@2024-07-21", "1.004873@2025-01-01", "1.004873@2025-07-01"]) {
      expect(byId(id).form.legalSource).toBe("Thông tư 04/2020/TT-BTP, Phụ lục, sửa đổi bởi Thông tư 04/2024/TT-BTP");
    }
    // The birth date of the requester is on the amended form; on the 2020 form it is still to check.
    const birth = (v: ProcedureVersion) => v.form.fields.find((f) => f.id === "requesterBirthDate")!;
    expect(birth(before)).toMatchObject({ toVerify: true });
    expect(birth(amended).toVerify).toBeUndefined();
    // The effective date was not found: derived from the 45-day rule, marked U for the administrator.
    expect(amended.form).toMatchObject({
      evidence: "U",
      toVerify: true,
      source: expect.stringContaining("Điều 151 khoản 1"),
    });
    expect(amended.legalBasis.find((b) => b.title.includes("04/2024/TT-BTP"))).toMatchObject({
      evidence: "S",
      source: expect.stringContaining("06/6/2024"),
    });
    // The old ID card is still offered until 31/12/2024.
    expect(amended.form.fields.find((f) => f.id === "requesterIdType")?.options).toContain("Chứng minh nhân dân");
  });

  it("shows citizens no administrator's marker: labels, help, options, notes and documents are in citizen words", () => {
    const MARKERS = /cần kiểm tra|\[[USV?]\]|procedures\.md|context\.md/;
    for (const v of procedureVersions) {
      const said: string[] = [v.name, v.result.name, v.timeLimit.note ?? "", v.receivingBody.name];
      const fields = (
        list: readonly {
          label: string;
          help?: string;
          options?: readonly string[];
          requiredMessage?: string;
          itemFields?: readonly unknown[];
        }[],
      ): void => {
        for (const f of list) {
          said.push(f.label, f.help ?? "", f.requiredMessage ?? "", ...(f.options ?? []));
          if (f.itemFields) fields(f.itemFields as typeof list);
        }
      };
      fields(v.form.fields);
      said.push(v.form.title, ...v.form.sections.map((x) => x.label));
      for (const d of v.requiredDocuments) said.push(d.name, d.condition ?? "");
      for (const c of v.caseFlags) said.push(c.label, c.note);
      expect(`${v.id}: ${said.filter((t) => MARKERS.test(t)).join(" | ")}`).toBe(`${v.id}: `);
    }
  });

  it("gives 1.011443 the same legal basis as 1.011441, Decree 151/2025 marked to verify", () => {
    for (const date of ["2023-01-15", "2025-07-01"]) {
      const titles = (code: string) => byId(`${code}@${date}`).legalBasis.map((b) => b.title);
      expect(titles("1.011443")).toEqual(titles("1.011441"));
    }
    const d151 = byId("1.011443@2025-07-01").legalBasis.find((b) => b.title.includes("151/2025"));
    expect(d151).toMatchObject({ evidence: "U", toVerify: true });
  });

  it.each(procedureVersions.map((v) => [v.id, v] as const))(
    "%s parses with the procedure-version schema",
    (_id, version) => {
      const parsed = procedureVersionSchema.safeParse(version);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(version.id).toBe(`${version.code}@${version.validFrom}`);
    },
  );

  it.each(procedureVersions.map((v) => [v.id, v] as const))(
    "%s: the form's field ids are unique, sections exist, choices have options",
    (_id, version) => {
      const { fields, sections } = version.form;
      const ids = fields.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      const sectionIds = new Set(sections.map((s) => s.id));
      for (const f of fields) expect(sectionIds.has(f.section)).toBe(true);
      const columns: FormColumn[] = [...fields, ...fields.flatMap((f) => f.itemFields ?? [])];
      for (const f of fields) {
        const inner = (f.itemFields ?? []).map((c) => c.id);
        expect(new Set(inner).size).toBe(inner.length);
        if (f.type === "table" || f.type === "repeat") expect(inner.length).toBeGreaterThan(0);
        if (f.requiredWhen) {
          const target = fields.find((t) => t.id === f.requiredWhen!.field);
          expect(target).toBeDefined();
          if (typeof f.requiredWhen.is === "string") expect(target!.options).toContain(f.requiredWhen.is);
        }
        if (f.exactlyOneTrue) expect(f.itemFields?.find((c) => c.id === f.exactlyOneTrue)?.type).toBe("checkbox");
      }
      for (const c of columns) {
        if (c.type === "choice" || c.type === "multiChoice") expect(c.options?.length ?? 0).toBeGreaterThan(1);
        if (c.pattern) expect(() => new RegExp(c.pattern!, "u")).not.toThrow();
      }
    },
  );

  it.each(procedureVersions.map((v) => [v.id, v] as const))(
    "%s: every required document has a kind and a count, ids unique",
    (_id, version) => {
      const docs = version.requiredDocuments;
      expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
      for (const d of docs) {
        expect(d.count).toBeGreaterThanOrEqual(1);
        expect(d.kind).toBeTruthy();
        if (!d.always) expect(d.condition).toBeTruthy();
      }
      expect(docs.some((d) => d.always)).toBe(true);
    },
  );

  it.each(procedureVersions.map((v) => [v.id, v] as const))(
    "%s: every [U] or [?] fact is marked toVerify",
    (_id, version) => {
      const unmarked = sourcedFacts(version).filter(
        ({ fact }) => (fact.evidence === "U" || fact.evidence === "?") && fact.toVerify !== true,
      );
      expect(unmarked.map((u) => u.path)).toEqual([]);
    },
  );

  it.each(procedureVersions.map((v) => [v.id, v] as const))(
    "%s: a complete synthetic form passes its own schema",
    (id) => {
      const sample = formSamples[id];
      expect(sample).toBeDefined();
      const result = validateFormData(id, sample);
      expect(result.ok ? [] : result.issues).toEqual([]);
    },
  );

  it("keeps personal data marked: names, ID numbers and marital status", () => {
    const marital = byId("1.004873@2025-07-01").form.fields;
    for (const id of ["requesterName", "requesterIdNumber", "subjectName", "maritalStatus", "subjectResidence"]) {
      expect(marital.find((f) => f.id === id)?.personal).toBe(true);
    }
    expect(byId("1.001612@2025-07-01").form.fields.find((f) => f.id === "ownerPersonalIdNumber")?.personal).toBe(true);
  });

  it.each([
    ["1.011441", ["district"], ["commune"]],
    ["1.011443", ["district"], ["commune"]],
    ["1.001612", ["district"], ["commune"]],
    ["1.004873", ["commune"], ["commune"]],
  ])("%s is received at %j in 2023 and at %j from 1/7/2025", (code, before, after) => {
    const list = procedureVersions.filter((v) => v.code === code);
    const v2023 = list.find((v) => v.validFrom < "2025-07-01" && v.validTo === "2025-06-30");
    const v2025 = list.find((v) => v.validFrom === "2025-07-01");
    expect(v2023!.receivingLevels).toEqual(before);
    expect(v2025!.receivingLevels).toEqual(after);
  });

  it.each(["1.011441@2025-07-01", "1.011443@2023-01-15"])(
    "%s: same working day, 15:00 cutoff, at most 3 days extension (Decree 99/2022 Art. 16)",
    (id) => {
      const t = byId(id).timeLimit;
      expect(t).toMatchObject({
        timeLimitWorkingDays: 0,
        sameDayCutoff: "15:00",
        maxExtensionWorkingDays: 3,
        evidence: "V",
      });
      expect(t.source).toContain("Điều 16 khoản 1");
    },
  );

  it("separates the receiving one-stop from the deciding body for land dossiers after 1/7/2025", () => {
    const v = byId("1.011441@2025-07-01");
    expect(v.receivingBody.name).toContain("cấp xã");
    expect(v.competentBody.name).toContain("Văn phòng đăng ký đất đai");
  });

  it.each([
    ["1.004873@2025-07-01", "needs_verification", true],
    ["1.011441@2025-07-01", "both_parties_sign", false],
    ["1.011441@2025-07-01", "asset_type_5_3_to_5_5", true],
    ["1.011443@2023-01-15", "bank_consent_missing", true],
    ["1.001612@2025-07-01", "household_members", false],
    ["1.001612@2025-07-01", "name_conflict", true],
  ])("%s defines case flag %s (excludes same day: %s)", (id, flag, excludes) => {
    const f = byId(id).caseFlags.find((c) => c.id === flag);
    expect(f?.excludesSameDay).toBe(excludes);
    expect(f?.label).toMatch(/[ạ-ỹàáâãèéêìíòóôõùúýăđ]/);
  });

  it("marks that officers may only draft the Phiếu for both parties to sign (Art. 12)", () => {
    expect(
      byId("1.011441@2023-01-15").caseFlags.find((c) => c.id === "both_parties_sign")?.excludesAssistedWriting,
    ).toBe(true);
  });
});
