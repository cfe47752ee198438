/** Public API contract (zod request and response schemas), shared by the server, the mini-app and the chatbot. */
export * from "./common.js";
export * from "./errors.js";
export * from "./citizens.js";
export * from "./consent.js";
export * from "./units.js";
export * from "./scheme.js";
export * from "./procedures.js";
export * from "./pre-registrations.js";
export * from "./dossiers.js";
export * from "./feedback.js";
