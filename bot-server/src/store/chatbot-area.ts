/**
 * The OA's area, set by an administrator in the console: the province or the one unit whose plans the chatbot answers
 * from when a citizen names no commune. A console setting (catalog_documents, kind "console_setting").
 */
import type { Kysely } from "kysely";
import type { Database } from "./database.js";
import { readConsoleSetting, writeConsoleSetting } from "./console-settings.js";

const ID = "chatbot_area";

export interface ChatbotArea {
  unitId: string | null;
}

export async function readChatbotArea(
  db: Kysely<Database>,
): Promise<ChatbotArea & { updatedAt: string | null; updatedBy: string | null }> {
  const row = await db
    .selectFrom("catalog_documents")
    .select(["updated_at", "updated_by"])
    .where("kind", "=", "console_setting")
    .where("id", "=", ID)
    .executeTakeFirst();
  const value = await readConsoleSetting<ChatbotArea>(db, ID);
  return { unitId: value?.unitId ?? null, updatedAt: row?.updated_at ?? null, updatedBy: row?.updated_by ?? null };
}

export function writeChatbotArea(db: Kysely<Database>, area: ChatbotArea, now: string, by: string): Promise<void> {
  return writeConsoleSetting(db, ID, area, now, by);
}
