import { auditService, ZAuditEventList, ZListAuditEventsInput } from "@atrium/core";
import { protectedProcedure, router } from "../trpc/init.js";

// Protected, not staff-only: tenant admins read their own tenants' events; the service decides.
export const auditRouter = router({
  list: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/admin/audit-events/",
        tags: ["audit"],
        summary: "Audit events, newest first (staff: all tenants; tenant admins: their tenants)",
        protect: true,
      },
    })
    .input(ZListAuditEventsInput)
    .output(ZAuditEventList)
    .query(({ ctx, input }) => auditService.listAuditEvents(ctx.svc, ctx.actor, input)),
});
