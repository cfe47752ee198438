/**
 * Public dossier status. No personal data. By the code alone: state and dates. With the slip's token (valid), or for
 * the citizen's own dossier: also procedure, unit, track and the documents still missing; with a token, whether the
 * slip is authentic.
 */
import { z } from "zod";
import { IsoDate, ProcedureRef, TrackSchema } from "./common.js";

export const DossierCodeParams = z.object({
  code: z.string().min(1).max(64).describe("Dossier code, e.g. 000.00.01.H29-240115-0001"),
});

export const DossierStatusQuery = z.object({
  t: z.string().max(64).optional().describe("Status token from the slip's QR code"),
});

export const DossierStatus = z.object({
  code: z.string(),
  procedure: ProcedureRef.optional().describe("With the slip's token or for the citizen's own dossier"),
  receivingUnit: z
    .string()
    .optional()
    .describe(
      "Display name of the receiving unit, e.g. xã Quảng Khê (with the slip's token or for the citizen's own dossier)",
    ),
  receivingUnitCode: z
    .string()
    .optional()
    .describe(
      "GSO code of the receiving unit (GET /api/units/{unitCode}); with the slip's token or for the citizen's own dossier",
    ),
  state: z.string(),
  stateLabel: z.string(),
  track: TrackSchema.optional().describe("With the slip's token or for the citizen's own dossier"),
  trackLabel: z.string().optional(),
  receivedOn: IsoDate,
  dueDate: IsoDate,
  dueDateText: z.string().describe("dd/mm/yyyy"),
  resultReady: z.boolean(),
  returned: z.boolean(),
  missingDocuments: z
    .array(z.string())
    .optional()
    .describe(
      "When a supplement was requested: names of the documents still to bring (Mẫu 02); with the slip's token or for the citizen's own dossier",
    ),
  slip: z.object({ authentic: z.boolean(), message: z.string() }).optional().describe("Present when a token is given"),
});
export type DossierStatus = z.infer<typeof DossierStatus>;
