import {
  billingService,
  ZAccountInput,
  ZBillingProfile,
  ZLedgerPage,
  ZListLedgerInput,
  ZReserveBalance,
  ZUpdateBillingProfileInput,
} from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["billing"];

/** Billing calls act on the caller's home account unless the input names another they may access. */
export const billingRouter = router({
  balance: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/billing/reserve/balance/", tags, summary: "Reserve balance, low-balance policy and whether it's low", protect: true } })
    .input(ZAccountInput)
    .output(ZReserveBalance)
    .query(({ ctx, input }) => billingService.getBalance(ctx.svc, ctx.tenant, input)),

  ledger: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/billing/reserve/ledger/", tags, summary: "Reserve ledger, newest first (paged; filter by type)", protect: true } })
    .input(ZListLedgerInput)
    .output(ZLedgerPage)
    .query(({ ctx, input }) => billingService.listLedger(ctx.svc, ctx.tenant, input)),

  profile: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/billing/profile/", tags, summary: "Billing profile: low-balance policy and threshold", protect: true } })
    .input(ZAccountInput)
    .output(ZBillingProfile)
    .query(({ ctx, input }) => billingService.getProfile(ctx.svc, ctx.tenant, input)),

  updateProfile: tenantProcedure
    .meta({ openapi: { method: "PATCH", path: "/billing/profile/", tags, summary: "Change the low-balance policy or threshold (account admins)", protect: true } })
    .input(ZUpdateBillingProfileInput)
    .output(ZBillingProfile)
    .mutation(({ ctx, input }) => billingService.updateProfile(ctx.svc, ctx.tenant, input, ctx.meta)),
});
