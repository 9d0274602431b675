// The public surface of @atrium/core: each domain's index.ts (services and contracts), nothing deeper.
// contracts.ts is the browser-safe subset; testing.ts (test-only seeding) is its own entry.
export * from "./contracts.js";
export * from "./shared/index.js";
export * from "./auth/index.js";
export * from "./api-keys/index.js";
export * from "./audit/index.js";
export * from "./bootstrap/index.js";
export * from "./accounts/index.js";
export * from "./organizations/index.js";
export * from "./teams/index.js";
export * from "./invitations/index.js";
export * from "./invite-keys/index.js";
export * from "./users/index.js";
export * from "./email/index.js";
export * from "./passwords/index.js";
export * from "./billing/index.js";
export * from "./documents/index.js";
export * from "./storage/index.js";
export * from "./analysis-jobs/index.js";
export * from "./analyzers/index.js";
export * from "./data-safety/index.js";
export * from "./flags/index.js";
export * from "./system/index.js";
export * from "./realtime/index.js";
export * from "./messages/index.js";
