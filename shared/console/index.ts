/** Officer console contract (zod request and response schemas), shared by the server and the console app. */
export * from "./officers.js";
export * from "./intake.js";
export * from "./dossiers.js";
export * from "./feedback.js";
export * from "./mirror.js";
export * from "./settings.js";
