import { z } from "zod";
import { billingAdminService, priceAdminService, usageService, ZAdjustContext, ZAdjustContextInput, ZAdjustReserveInput, ZAdjustReserveResult, ZPriceList, ZUpdatePricesInput, ZUsageCostsInput, ZUsageCostsReport } from "@atrium/core";
import { router, staffProcedure } from "../trpc/init.js";

const tags = ["billing-admin"];

// Staff only; the services check again. The ledger CSV export is an express route (http/ledger-export.ts).
export const billingAdminRouter = router({
  adjust: staffProcedure
    .meta({
      openapi: { method: "POST", path: "/billing/admin/reserve/adjust/", tags, summary: "Credit or debit a tenant's reserve with a reason (audited; idempotencyKey makes retries safe)", protect: true },
    })
    .input(ZAdjustReserveInput)
    .output(ZAdjustReserveResult)
    .mutation(({ ctx, input }) => billingAdminService.adjustReserve(ctx.svc, ctx.actor, input, ctx.meta)),

  adjustContext: staffProcedure
    .meta({
      openapi: { method: "GET", path: "/billing/admin/reserve/adjust/context/", tags, summary: "A tenant's balance and the adjustment limits (max, and the amount above which the SPA asks twice)", protect: true },
    })
    .input(ZAdjustContextInput)
    .output(ZAdjustContext)
    .query(({ ctx, input }) => billingAdminService.adjustContext(ctx.svc, ctx.actor, input)),

  usageCosts: staffProcedure
    .meta({ openapi: { method: "GET", path: "/billing/admin/usage/costs/", tags, summary: "Job-run costs by tenant, day and job type over a date range", protect: true } })
    .input(ZUsageCostsInput)
    .output(ZUsageCostsReport)
    .query(({ ctx, input }) => usageService.usageCostsReport(ctx.svc, ctx.actor, input)),

  prices: staffProcedure
    .meta({ openapi: { method: "GET", path: "/billing/admin/prices/", tags, summary: "The price table: LLM tokens per model, compute per job type, storage", protect: true } })
    .input(z.void())
    .output(ZPriceList)
    .query(({ ctx }) => priceAdminService.listPrices(ctx.svc, ctx.actor)),

  updatePrices: staffProcedure
    .meta({ openapi: { method: "PUT", path: "/billing/admin/prices/", tags, summary: "Set prices (all or none; audited); applies to estimates and runs from now on", protect: true } })
    .input(ZUpdatePricesInput)
    .output(ZPriceList)
    .mutation(({ ctx, input }) => priceAdminService.updatePrices(ctx.svc, ctx.actor, input, ctx.meta)),
});
