/** The unit's workflow setting (shared/dossier/unit-workflow.ts), stored as a console setting; default three-step. */
import type { TransitionRow } from "../../../shared/data/lifecycle.js";
import { transitionsFor, UNIT_WORKFLOWS, type UnitWorkflow } from "../../../shared/dossier/unit-workflow.js";
import type { Deps } from "../deps.js";
import { readConsoleSetting, writeConsoleSetting } from "../store/console-settings.js";

const key = (unitId: string) => `workflow:${unitId}`;

export async function readUnitWorkflow(deps: Pick<Deps, "db">, unitId: string): Promise<UnitWorkflow> {
  const v = await readConsoleSetting<{ workflow?: string }>(deps.db, key(unitId));
  return UNIT_WORKFLOWS.find((w) => w === v?.workflow) ?? "three-step";
}

export async function writeUnitWorkflow(
  deps: Pick<Deps, "db">,
  unitId: string,
  workflow: UnitWorkflow,
  now: string,
  by: string,
): Promise<void> {
  await writeConsoleSetting(deps.db, key(unitId), { workflow }, now, by);
}

export async function transitionsOfUnit(deps: Pick<Deps, "db">, unitId: string): Promise<readonly TransitionRow[]> {
  return transitionsFor(await readUnitWorkflow(deps, unitId));
}
