// Browser-safe billing contracts: zod only.
export * from "./ledger.schema.js";
export * from "./reserve.schema.js";
export * from "./low-balance.schema.js";
export * from "./range.schema.js";
export * from "./usage.schema.js";
export * from "./metrics.schema.js";
