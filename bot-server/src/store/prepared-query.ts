/**
 * A hot read compiled once per database instead of rebuilt by the query builder on every request: the query
 * is built with placeholder values, compiled, and executed with the real parameters in the same order.
 */
import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export function preparedQuery<Row>(
  build: (db: Db) => { compile(): CompiledQuery<Row> },
): (db: Db, parameters: readonly unknown[]) => Promise<Row[]> {
  const compiled = new WeakMap<Db, CompiledQuery<Row>>();
  return async (db, parameters) => {
    let query = compiled.get(db);
    if (!query) {
      query = build(db).compile();
      compiled.set(db, query);
    }
    if (query.parameters.length !== parameters.length)
      throw new Error(`prepared query expects ${query.parameters.length} parameters`);
    const result = await db.executeQuery<Row>({ ...query, parameters });
    return result.rows;
  };
}
