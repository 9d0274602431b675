import { apiKeyService, ZApiKey, ZApiKeyIdInput, ZApiKeyList, ZCreateApiKeyInput, ZCreatedApiKey } from "@atrium/core";
import { z } from "zod";
import { protectedProcedure, router } from "../trpc/init.js";

export const apiKeyRouter = router({
  list: protectedProcedure
    .meta({ openapi: { method: "GET", path: "/api-keys/", tags: ["api-keys"], summary: "Your API keys", protect: true } })
    .input(z.void())
    .output(ZApiKeyList)
    .query(({ ctx }) => apiKeyService.listApiKeys(ctx.svc, ctx.actor)),

  create: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/api-keys/", tags: ["api-keys"], summary: "Create an API key (shown once)", protect: true } })
    .input(ZCreateApiKeyInput)
    .output(ZCreatedApiKey)
    .mutation(({ ctx, input }) => apiKeyService.createApiKey(ctx.svc, ctx.actor, input, ctx.meta)),

  revoke: protectedProcedure
    .meta({ openapi: { method: "DELETE", path: "/api-keys/{id}/", tags: ["api-keys"], summary: "Revoke an API key", protect: true } })
    .input(ZApiKeyIdInput)
    .output(ZApiKey)
    .mutation(({ ctx, input }) => apiKeyService.revokeApiKey(ctx.svc, ctx.actor, input.id, ctx.meta)),
});
