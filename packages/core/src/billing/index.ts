// The billing domain's server-side surface (reserve, ledger, low balance, usage costs, revenue metrics).
export * as billingService from "./reserve.service.js";
export * as stripeBillingService from "./stripe/index.js";
export * as billingAdminService from "./reserve-admin.service.js";
export * as priceAdminService from "./price-admin.service.js";
export * from "./price-admin.schema.js";
export * as usageService from "./usage.service.js";
export * as metricsService from "./metrics.service.js";
export {
  applyLedgerEntry,
  creditReserve,
  debitReserve,
  ensureReserve,
  verifyLedger,
  type LedgerEntryInput,
  type LedgerResult,
  type LedgerRow,
  type LedgerMismatch,
  type LockStrategy,
} from "./ledger.service.js";
export { checkSpend, verdictFor, cheapJobTypes } from "./low-balance.service.js";
export { priceUsage, ensureDefaultPrices, DEFAULT_PRICES, type UsageLineItem, type UsageInput, type PricedUsage } from "./pricing.service.js";
export { recordRunCost, type RunCostInput, type RunCostResult } from "./usage.service.js";
export { LEDGER_EXPORT_MAX_ROWS } from "./reserve-admin.service.js";
export type { LedgerExportRow } from "./ledger-query.repository.js";
export { formatCents, centsToDollars } from "./money.service.js";
export * as metricsCalc from "./metrics-calc.service.js";
