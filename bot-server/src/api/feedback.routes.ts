/** Citizen feedback: rate a dossier once its result is ready, send a complaint or suggestion, read the answers. */
import { FeedbackInput, FeedbackListQuery, FeedbackReceipt, MyFeedbackList } from "../../../shared/api/feedback.js";
import type { OutcomeCode } from "../../../shared/outcomes.js";
import { route, noStore } from "../http/route-table.js";
import { listMyFeedback, sendFeedback } from "../use-cases/feedback.js";

const IDENTITY_ERRORS: OutcomeCode[] = [
  "unauthenticated",
  "invalid_device_token",
  "invalid_zalo_token",
  "identity_unavailable",
  "zalo_not_configured",
];
const TAG = "Feedback";

export const feedbackRoutes = [
  route({
    method: "post",
    path: "/feedback",
    tag: TAG,
    summary: "Rate one of my dossiers, or send a complaint or suggestion to a unit",
    description:
      "kind `rating` needs `rating` and `dossierCode` (a dossier of the calling citizen whose result is ready or returned; one rating per dossier). " +
      "kind `complaint` or `suggestion` needs `text`. Text is personal data: stored, audited, never logged. A `khong_hai_long` rating stays open for the unit to follow up.",
    auth: "citizen",
    body: FeedbackInput,
    response: { status: 201, schema: FeedbackReceipt, description: "Received" },
    errors: [
      ...IDENTITY_ERRORS,
      "unit_not_found",
      "dossier_not_found",
      "rating_not_ready",
      "rating_already_sent",
      "payload_too_large",
      "unsupported_media_type",
      "malformed_json",
      "rate_limited",
    ],
    handler: ({ citizen, body }, deps) => sendFeedback(deps, citizen, body),
  }),
  route({
    method: "get",
    path: "/feedback",
    tag: TAG,
    summary: "My feedback, newest first, with the unit's answer when there is one",
    auth: "citizen",
    query: FeedbackListQuery,
    response: {
      status: 200,
      schema: MyFeedbackList,
      description: "The calling citizen's feedback (the read is audited)",
    },
    errors: [...IDENTITY_ERRORS, "rate_limited"],
    handler: async ({ citizen }, deps) => noStore(await listMyFeedback(deps, citizen)),
  }),
];
