export * from "./tenants.js";
export * from "./users.js";
export * from "./auth.js";
export * from "./invites.js";
export * from "./audit.js";
export * from "./email.js";
export * from "./billing.js";
export * from "./documents.js";
