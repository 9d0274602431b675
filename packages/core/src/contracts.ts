// Browser-safe entry: zod contracts only, no driver, no node built-ins.
export * from "./auth/auth.schema.js";
export * from "./api-keys/api-key.schema.js";
export * from "./users/user.schema.js";
export * from "./tenants/tenant.schema.js";
export * from "./audit/audit.schema.js";
export * from "./tenancy/tenancy.schema.js";
export * from "./email/email.schema.js";
