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
  type ServiceContext,
  type TenantActor,
} from "@atrium/core";
import type { z } from "zod";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["recruiting"];
const rest = (method: "GET" | "POST", path: `/${string}`, summary: string) => ({ openapi: { method, path: `/recruiting${path}` as const, tags, summary, protect: true } });

/**
 * The four reads (the employer's list and get, the candidate's own list and get) differ only in
 * route, contracts and the service they call; this is their one shape: a GET, one call.
 */
const read = <I extends z.ZodType, O extends z.ZodType>(
  path: `/${string}`,
  summary: string,
  input: I,
  output: O,
  run: (svc: ServiceContext, tenant: TenantActor, input: z.output<I>) => Promise<z.input<O>>,
) =>
  tenantProcedure
    .meta(rest("GET", path, summary))
    .input(input)
    .output(output)
    // tRPC's parser generics don't reduce to zod's input/output types here; `run`'s own signature is what is checked.
    .query(({ ctx, input }) => run(ctx.svc, ctx.tenant, input as z.output<I>) as never);

/** Employers' pipeline (recruiting roles) and candidates' own applications; the rules are in core's recruiting domain. */
export const recruitingApplicationRouter = router({
  // "apply" is a reserved word in tRPC routers (Function.prototype.apply): applying is `create`.
  create: tenantProcedure
    .meta(rest("POST", "/applications/", "Apply to a published posting with one of your résumés (candidates)"))
    .input(ZApplyInput)
    .output(ZMyApplicationDetail)
    .mutation(({ ctx, input }) => applicationService.applyToPosting(ctx.svc, ctx.tenant, input, ctx.meta)),

  list: read("/applications/", "A posting's applications ranked by match score (recruiting roles; paged, filters)", ZListApplicationsInput, ZApplicationPage, applicationReadService.listApplications),
  get: read("/applications/{id}/", "One application as the employer sees it (recruiting roles)", ZApplicationIdInput, ZApplicationDetail, (svc, tenant, input) => applicationReadService.getApplication(svc, tenant, input.id)),

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

  mine: read("/my-applications/", "Your own applications, newest first (candidates)", ZMyApplicationsInput, ZMyApplicationPage, applicationReadService.listMyApplications),
  getMine: read("/my-applications/{id}/", "One of your own applications (candidates)", ZApplicationIdInput, ZMyApplicationDetail, (svc, tenant, input) => applicationReadService.getMyApplication(svc, tenant, input.id)),

  withdraw: tenantProcedure
    .meta(rest("POST", "/my-applications/{id}/withdraw/", "Withdraw your own application while it is open (candidates)"))
    .input(ZApplicationIdInput)
    .output(ZMyApplicationDetail)
    .mutation(({ ctx, input }) => applicationPipelineService.withdrawApplication(ctx.svc, ctx.tenant, input.id, ctx.meta)),
});
