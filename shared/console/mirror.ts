/** The citizen's screen at the counter, officer side: the pairing's state. */
import { z } from "zod";

export const MirrorStatusReply = z.object({
  paired: z.boolean(),
  code: z.string().nullable(),
  joined: z.boolean(),
  version: z.number(),
  confirmed: z.boolean(),
  screen: z.object({ joinedAt: z.string(), browser: z.string() }).nullable(),
});
export type MirrorStatusReply = z.infer<typeof MirrorStatusReply>;
