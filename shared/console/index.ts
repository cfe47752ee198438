/** Officer console contract (zod request and response schemas), shared by the server and the console app. */
export * from "./officers.js";
export * from "./intake.js";
export * from "./dossiers.js";
export * from "./feedback.js";
export * from "./mirror.js";
export * from "./settings.js";
export * from "./office.js";
export * from "./notifications.js";
export * from "./conversations.js";
export * from "./data-requests.js";
export * from "./chatbot.js";
export * from "./zalo.js";
export * from "./accounts.js";
