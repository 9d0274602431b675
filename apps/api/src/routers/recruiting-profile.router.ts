import { candidateProfileService, ZCandidateProfile, ZParseCandidateProfileInput, ZUpdateCandidateProfileInput } from "@atrium/core";
import { z } from "zod";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["recruiting"];

/** The candidate's own profile (candidate portal): read, correct, fill from a résumé. */
export const recruitingProfileRouter = router({
  get: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/recruiting/profile/", tags, summary: "Your candidate profile (empty until you save or parse one)", protect: true } })
    .input(z.void())
    .output(ZCandidateProfile)
    .query(({ ctx }) => candidateProfileService.getMyProfile(ctx.svc, ctx.tenant)),

  update: tenantProcedure
    .meta({ openapi: { method: "PATCH", path: "/recruiting/profile/", tags, summary: "Change your candidate profile (the parts you send)", protect: true } })
    .input(ZUpdateCandidateProfileInput)
    .output(ZCandidateProfile)
    .mutation(({ ctx, input }) => candidateProfileService.updateMyProfile(ctx.svc, ctx.tenant, input, ctx.meta)),

  parse: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/recruiting/profile/parse/", tags, summary: "Fill your profile's empty fields from one of your résumés (a resume_parse job; 402 when your reserve can't pay)", protect: true } })
    .input(ZParseCandidateProfileInput)
    .output(ZCandidateProfile)
    .mutation(({ ctx, input }) => candidateProfileService.parseMyProfile(ctx.svc, ctx.tenant, input, ctx.meta)),
});
