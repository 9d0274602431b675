import {
  postingService,
  publicPostingService,
  storageFromConfig,
  ZCreatePostingInput,
  ZListPostingsInput,
  ZPosting,
  ZPostingIdInput,
  ZPostingPage,
  ZPublicBoardInput,
  ZPublicPosting,
  ZPublicPostingInput,
  ZPublicPostingPage,
  ZSearchPostingsInput,
  ZUpdatePostingInput,
} from "@atrium/core";
import { publicProcedure, router, tenantProcedure } from "../trpc/init.js";

const tags = ["recruiting"];

/** The employer's side: recruiters and admins write, hiring managers read (policy: recruiting.manage / recruiting.read). */
export const recruitingPostingRouter = router({
  list: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/recruiting/postings/", tags, summary: "The employer's job postings, newest first (paged; filter by status and words)", protect: true } })
    .input(ZListPostingsInput)
    .output(ZPostingPage)
    .query(({ ctx, input }) => postingService.listPostings(ctx.svc, ctx.tenant, input)),

  get: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/recruiting/postings/{id}/", tags, summary: "One job posting, any status", protect: true } })
    .input(ZPostingIdInput)
    .output(ZPosting)
    .query(({ ctx, input }) => postingService.getPosting(ctx.svc, ctx.tenant, input)),

  create: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/recruiting/postings/", tags, summary: "Create a draft job posting (recruiters and admins)", protect: true } })
    .input(ZCreatePostingInput)
    .output(ZPosting)
    .mutation(({ ctx, input }) => postingService.createPosting(ctx.svc, ctx.tenant, input, ctx.meta)),

  update: tenantProcedure
    .meta({ openapi: { method: "PATCH", path: "/recruiting/postings/{id}/", tags, summary: "Edit a job posting; a published one's job description document follows", protect: true } })
    .input(ZUpdatePostingInput)
    .output(ZPosting)
    .mutation(({ ctx, input }) => postingService.updatePosting(ctx.svc, storageFromConfig(ctx.svc.config), ctx.tenant, input, ctx.meta)),

  publish: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/recruiting/postings/{id}/publish/", tags, summary: "Publish a draft or reopen a closed posting (it appears on the public board)", protect: true } })
    .input(ZPostingIdInput)
    .output(ZPosting)
    .mutation(({ ctx, input }) => postingService.publishPosting(ctx.svc, storageFromConfig(ctx.svc.config), ctx.tenant, input, ctx.meta)),

  close: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/recruiting/postings/{id}/close/", tags, summary: "Close a posting (off the public board; its applications stay)", protect: true } })
    .input(ZPostingIdInput)
    .output(ZPosting)
    .mutation(({ ctx, input }) => postingService.closePosting(ctx.svc, storageFromConfig(ctx.svc.config), ctx.tenant, input, ctx.meta)),
});

/** The public job board: no sign-in, published postings only, rate-limited per IP like every anonymous call. */
export const recruitingBoardRouter = router({
  search: publicProcedure
    .meta({ openapi: { method: "GET", path: "/public/postings/", tags: ["public board"], summary: "Search every employer's published postings (words, location, remote, employment type)", protect: false } })
    .input(ZSearchPostingsInput)
    .output(ZPublicPostingPage)
    .query(({ ctx, input }) => publicPostingService.searchPostings(ctx.svc, input)),

  list: publicProcedure
    .meta({ openapi: { method: "GET", path: "/public/{accountSlug}/postings/", tags: ["public board"], summary: "One employer's published postings, newest first", protect: false } })
    .input(ZPublicBoardInput)
    .output(ZPublicPostingPage)
    .query(({ ctx, input }) => publicPostingService.listBoard(ctx.svc, input)),

  get: publicProcedure
    .meta({ openapi: { method: "GET", path: "/public/{accountSlug}/postings/{postingId}/", tags: ["public board"], summary: "One published posting of that employer", protect: false } })
    .input(ZPublicPostingInput)
    .output(ZPublicPosting)
    .query(({ ctx, input }) => publicPostingService.getBoardPosting(ctx.svc, input)),
});
