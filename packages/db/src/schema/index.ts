export * from "./tenants.js";
export * from "./users.js";
export * from "./auth.js";
