/**
 * Shapes of the public API: the types inferred from shared/api's zod schemas, imported type-only so
 * zod stays out of the first screen's bundle.
 */
export type {
  CitizenMe,
  CitizenPhone,
  ConsentNotice,
  CreatePreRegistration,
  DeviceTokenResponse,
  DossierBrief,
  DossierStatus,
  FeedbackInput,
  FeedbackKind,
  FeedbackReceipt,
  MyFeedback,
  MyFeedbackList,
  NotificationOptIn,
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
  UnitOffice,
  UnitRef,
  UnitSummary,
  SatisfactionRating,
  UpdatePreRegistration,
} from "../../../shared/api/index.js";
export type { CounterWait, CurrentAddressAnswer } from "../../../shared/api/units.js";
export type { CorrectionInput, CorrectionRequest, CorrectionSubject, MyData } from "../../../shared/api/my-data.js";
