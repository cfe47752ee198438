/**
 * The public API of Khong Hen's domain: pure functions and data, no I/O.
 * Imported by the server (bot-server/) and the Zalo Mini App (mini-app/); it imports neither.
 */

// Core types, time and text
export * from "./model.js";
export { normalizeText, foldVietnamese } from "./text/fold.js";
export {
  toVnMoment,
  vnMomentFromEpoch,
  isIsoDate,
  addDays,
  weekdayOf,
  clockMinutes,
  formatClock,
  formatDateVn,
  vnInstant,
  WEEKDAY_NAMES_VI,
  VN_OFFSET_MINUTES,
  type VnMoment,
} from "./time/vn-time.js";
export { parseDay, formatDay, weekdayOfDay } from "./calendar/day-number.js";

// Administrative units with history
export { createUnitDirectory, unitDirectory, daknongUnits, type UnitDirectory } from "./units/unit-directory.js";
export { displayName, UNIT_TYPE_WORD } from "./units/unit-names.js";
export { isInForce } from "./units/unit-period.js";
export type { UnitMatch, UnitSearchHit, UnitSearchOptions } from "./units/unit-search.js";
export { checkUnitsData, type UnitsDataIssue } from "./units/check-units-data.js";
export { mergeUnitsData } from "./units/merge-units-data.js";

// Working-day calendar and deadlines
export {
  createCalendar,
  type Calendar,
  type CalendarYearView,
  type DayNumberCalendar,
  type DayExplanation,
} from "./calendar/calendar.js";
export {
  validateCalendarData,
  CALENDAR_ENTRY_KINDS,
  type CalendarData,
  type CalendarYear,
  type CalendarEntry,
  type CalendarEntryKind,
  type CalendarDataCheck,
} from "./calendar/calendar-data.js";
export { extendCalendarData } from "./calendar/extend-calendar-data.js";
export {
  proposeHolidays,
  lunarNewYear,
  hungKingsDay,
  lunarToSolar,
  lunarYearName,
  LUNAR_MIN_YEAR,
  LUNAR_MAX_YEAR,
} from "./calendar/lunar-fallback.js";
export { computeDueDate, type DueDateInput, type DueDate } from "./calendar/due-date.js";
export { parseCalendarDate, type CalendarDateResult, type CalendarDateError } from "./calendar/parse-calendar-date.js";
export { vnCalendar, isWorkingDay, addWorkingDays, explainDay } from "./calendar/vn-calendar.js";
export { formatDateRangeVn } from "./calendar/day-explanation.js";
export { VN_CIVIL_SERVICE_CALENDAR } from "./data/calendar-vn.js";

// Procedures as dated versions, fees, form schemas
export * from "./procedures/procedure-version.js";
export {
  createCatalog,
  procedureCatalog,
  formatVnd,
  FEE_TO_VERIFY,
  type ProcedureCatalog,
  type FeeQuote,
} from "./procedures/catalog.js";
export {
  buildFormSchema,
  formSchemaFor,
  validateFormData,
  type FormSchema,
  type FormIssue,
  type FormValidation,
} from "./procedures/form-schema.js";
export { procedureVersions } from "./data/procedures/procedure-versions.js";
export { feeSchedule, type FeeEntry } from "./data/fees.js";

// Scheme plans and the track decision
export { schemePlans } from "./data/scheme-plans.js";
export { schemePlanSchema, PLAN_STATUS_LABELS, type SchemePlan, type EligibleProcedure } from "./scheme/scheme-plan.js";
export {
  createDomain,
  schemeDomain,
  decideTrack,
  schemeStatusAt,
  type SchemeDomain,
  type DomainInput,
  type TrackCause,
  type TrackDecision,
  type TrackInput,
  type TrackResult,
  type SchemeStatus,
  type SchemeStatusProcedure,
  type TrackError,
  type TrackErrorCode,
} from "./scheme/decide-track.js";

// Dossier lifecycle, codes, one-stop forms
export * from "./data/lifecycle.js";
export {
  applyEvent,
  availableEvents,
  isTerminalState,
  type TransitionContext,
  type TransitionResult,
  type LifecycleErrorCode,
} from "./dossier/lifecycle.js";
export { STATE_LABELS_VI, EVENT_LABELS_VI, ROLE_LABELS_VI, citizenStatusText } from "./dossier/lifecycle-labels.js";
export {
  formatDossierCode,
  parseDossierCode,
  findDossierCodes,
  DOSSIER_CODE_PATTERN,
  AGENCY_CODE_PATTERN,
  type DossierCodeParts,
} from "./dossier/dossier-code.js";
export { AGENCY_CODES, agencyCodeFor, type AgencyCodeRow, type AgencyCodeLookup } from "./dossier/agency-codes.js";
export {
  formatPreRegistrationCode,
  normalizePreRegistrationCode,
  findPreRegistrationCodes,
  PRE_REGISTRATION_CODE_PATTERN,
  PRE_REGISTRATION_ALPHABET,
  type PreRegistrationCodeResult,
  type PreRegistrationCodeError,
} from "./dossier/pre-registration-code.js";
export { ONE_STOP_FORMS, type OneStopForm, type OneStopFormCode } from "./data/one-stop-forms.js";

// Chip ID card (CCCD) QR
export { parseCccdQr, type CccdQrValue, type CccdQrResult, type CccdQrOptions } from "./cccd/parse-cccd-qr.js";
export { CCCD_QR_REJECTIONS, type CccdQrErrorCode, type CccdQrField } from "./cccd/cccd-qr-messages.js";

// One-stop offices (contact data, to verify)
export { unitOffices, officeOf, type UnitOffice } from "./data/offices.js";

// The chatbot's understanding of citizens' Vietnamese
export {
  understand,
  createUnderstand,
  type Understanding,
  type UnderstandOptions,
  type Understand,
  type ChatIntent,
} from "./chatbot/understand.js";

// Public HTTP API schemas (request/response), shared by the server and the mini-app
export * as api from "./api/index.js";
