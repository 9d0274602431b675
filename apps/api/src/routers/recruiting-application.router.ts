import {
  applicationMatchService,
  applicationPipelineService,
  applicationReadService,
  applicationService,
  ZApplicationDetail,
  ZApplicationIdInput,
  ZApplicationPage,
  ZApplyInput,
  ZListApplicationsInput,
  ZMoveApplicationInput,
  ZMyApplicationDetail,
  ZMyApplicationPage,
  ZMyApplicationsInput,
} from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["recruiting"];
const rest = (method: "GET" | "POST", path: `/${string}`, summary: string) => ({ openapi: { method, path: `/recruiting${path}` as const, tags, summary, protect: true } });

/** Employers' pipeline (recruiting roles) and candidates' own applications; the rules are in core's recruiting domain. */
export const recruitingApplicationRouter = router({
  // "apply" is a reserved word in tRPC routers (Function.prototype.apply): applying is `create`.
  create: tenantProcedure
    .meta(rest("POST", "/applications/", "Apply to a published posting with one of your résumés (candidates)"))
    .input(ZApplyInput)
    .output(ZMyApplicationDetail)
    .mutation(({ ctx, input }) => applicationService.applyToPosting(ctx.svc, ctx.tenant, input, ctx.meta)),

  list: tenantProcedure
    .meta(rest("GET", "/applications/", "A posting's applications ranked by match score (recruiting roles; paged, filters)"))
    .input(ZListApplicationsInput)
    .output(ZApplicationPage)
    .query(({ ctx, input }) => applicationReadService.listApplications(ctx.svc, ctx.tenant, input)),

  get: tenantProcedure
    .meta(rest("GET", "/applications/{id}/", "One application as the employer sees it (recruiting roles)"))
    .input(ZApplicationIdInput)
    .output(ZApplicationDetail)
    .query(({ ctx, input }) => applicationReadService.getApplication(ctx.svc, ctx.tenant, input.id)),

  move: tenantProcedure
    .meta(rest("POST", "/applications/{id}/move/", "Move an application to another pipeline stage (recruiters; emails the candidate)"))
    .input(ZMoveApplicationInput)
    .output(ZApplicationDetail)
    .mutation(({ ctx, input }) => applicationPipelineService.moveApplication(ctx.svc, ctx.tenant, input, ctx.meta)),

  rematch: tenantProcedure
    .meta(rest("POST", "/applications/{id}/rematch/", "Run the résumé match again, billed to the employer (recruiters)"))
    .input(ZApplicationIdInput)
    .output(ZApplicationDetail)
    .mutation(async ({ ctx, input }) => {
      await applicationMatchService.rerunMatch(ctx.svc, ctx.tenant, input.id, ctx.meta);
      return applicationReadService.getApplication(ctx.svc, ctx.tenant, input.id);
    }),

  mine: tenantProcedure
    .meta(rest("GET", "/my-applications/", "Your own applications, newest first (candidates)"))
    .input(ZMyApplicationsInput)
    .output(ZMyApplicationPage)
    .query(({ ctx, input }) => applicationReadService.listMyApplications(ctx.svc, ctx.tenant, input)),

  getMine: tenantProcedure
    .meta(rest("GET", "/my-applications/{id}/", "One of your own applications (candidates)"))
    .input(ZApplicationIdInput)
    .output(ZMyApplicationDetail)
    .query(({ ctx, input }) => applicationReadService.getMyApplication(ctx.svc, ctx.tenant, input.id)),

  withdraw: tenantProcedure
    .meta(rest("POST", "/my-applications/{id}/withdraw/", "Withdraw your own application while it is open (candidates)"))
    .input(ZApplicationIdInput)
    .output(ZMyApplicationDetail)
    .mutation(({ ctx, input }) => applicationPipelineService.withdrawApplication(ctx.svc, ctx.tenant, input.id, ctx.meta)),
});
