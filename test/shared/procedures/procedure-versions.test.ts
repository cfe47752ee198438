import { describe, expect, it } from "@jest/globals";
import { procedureVersions } from "../../../shared/data/procedures/procedure-versions.js";
import { validateFormData } from "../../../shared/procedures/form-schema.js";
import { procedureVersionSchema, type FormColumn, type ProcedureVersion } from "../../../shared/procedures/procedure-version.js";
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
  it("ships the 2023 and the current version of each of the four procedures", () => {
    expect(procedureVersions.map((v) => v.id).sort()).toEqual([
      "1.001612@2023-01-01", "1.001612@2025-07-01", "1.004873@2023-01-01", "1.004873@2025-07-01",
      "1.011441@2023-01-15", "1.011441@2025-07-01", "1.011443@2023-01-15", "1.011443@2025-07-01",
    ]);
  });

  it.each(procedureVersions.map((v) => [v.id, v] as const))("%s parses with the procedure-version schema", (_id, version) => {
    const parsed = procedureVersionSchema.safeParse(version);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(version.id).toBe(`${version.code}@${version.validFrom}`);
  });

  it.each(procedureVersions.map((v) => [v.id, v] as const))("%s: the form's field ids are unique, sections exist, choices have options", (_id, version) => {
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
  });

  it.each(procedureVersions.map((v) => [v.id, v] as const))("%s: every required document has a kind and a count, ids unique", (_id, version) => {
    const docs = version.requiredDocuments;
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    for (const d of docs) {
      expect(d.count).toBeGreaterThanOrEqual(1);
      expect(d.kind).toBeTruthy();
      if (!d.always) expect(d.condition).toBeTruthy();
    }
    expect(docs.some((d) => d.always)).toBe(true);
  });

  it.each(procedureVersions.map((v) => [v.id, v] as const))("%s: every [U] or [?] fact is marked toVerify", (_id, version) => {
    const unmarked = sourcedFacts(version).filter(({ fact }) => (fact.evidence === "U" || fact.evidence === "?") && fact.toVerify !== true);
    expect(unmarked.map((u) => u.path)).toEqual([]);
  });

  it.each(procedureVersions.map((v) => [v.id, v] as const))("%s: a complete synthetic form passes its own schema", (id) => {
    const sample = formSamples[id];
    expect(sample).toBeDefined();
    const result = validateFormData(id, sample);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

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
    const [v2023, v2025] = procedureVersions.filter((v) => v.code === code);
    expect(v2023!.receivingLevels).toEqual(before);
    expect(v2023!.validTo).toBe("2025-06-30");
    expect(v2025!.receivingLevels).toEqual(after);
    expect(v2025!.validFrom).toBe("2025-07-01");
    expect(v2025!.validTo).toBeUndefined();
  });

  it.each(["1.011441@2025-07-01", "1.011443@2023-01-15"])("%s: same working day, 15:00 cutoff, at most 3 days extension (Decree 99/2022 Art. 16)", (id) => {
    const t = byId(id).timeLimit;
    expect(t).toMatchObject({ timeLimitWorkingDays: 0, sameDayCutoff: "15:00", maxExtensionWorkingDays: 3, evidence: "V" });
    expect(t.source).toContain("Điều 16 khoản 1");
  });

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
    expect(byId("1.011441@2023-01-15").caseFlags.find((c) => c.id === "both_parties_sign")?.excludesAssistedWriting).toBe(true);
  });
});
