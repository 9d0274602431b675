// One file per domain, named like the domain's folder in packages/core/src.
export * from "./accounts.js";
export * from "./organizations.js";
export * from "./teams.js";
export * from "./invitations.js";
export * from "./users.js";
export * from "./passwords.js";
export * from "./auth.js";
export * from "./api-keys.js";
export * from "./invite-keys.js";
export * from "./audit.js";
export * from "./email.js";
export * from "./billing.js";
export * from "./documents.js";
export * from "./analysis-jobs.js";
export * from "./flags.js";
export * from "./messages.js";
