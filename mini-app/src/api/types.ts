/**
 * Shapes of the public API: the types inferred from shared/api's zod schemas, imported type-only so
 * zod stays out of the first screen's bundle. Feedback is not in shared/api yet; its shape is proposed here.
 */
export type {
  ConsentNotice,
  CreatePreRegistration,
  DeviceTokenResponse,
  DossierBrief,
  DossierStatus,
  PreRegistration,
  PreRegistrationList,
  PreRegistrationStatus,
  PreRegistrationSummary,
  ProcedureDetail,
  ProcedureList,
  SchemeStatus,
  Track,
  UnitDetail,
  UnitList,
  UnitRef,
  UnitSummary,
  UpdatePreRegistration,
} from "../../../shared/api/index.js";

export type FeedbackKind = "rating" | "complaint" | "suggestion";
/** Decree 61/2018 evaluation levels as stored in feedback.rating. */
export type SatisfactionRating = "rat_hai_long" | "hai_long" | "khong_hai_long";

export interface FeedbackInput {
  unitCode: string;
  dossierCode?: string;
  kind: FeedbackKind;
  rating?: SatisfactionRating;
  text?: string;
}

export interface FeedbackReceipt {
  id: string;
  createdAt: string;
}

export interface NotificationOptIn {
  /** requestSendNotification succeeded: the server may use the Mini App notification channel. */
  miniAppNotifications: boolean;
  followedOA: boolean;
}
