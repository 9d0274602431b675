import {
  applicationConversationService,
  ZApplicationConversationInput,
  ZApplicationMessagesInput,
  ZApplicationSendInput,
  ZConversation,
  ZConversationThread,
  ZReadResult,
  ZSendMessageResult,
} from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["recruiting"];

/**
 * The conversation of one application, between its candidate and the employer's recruiting
 * users; anyone else (another tenant, a member without a recruiting role, another candidate)
 * gets 404. The thread is messaging's: it shows in both sides' inboxes and unread counts.
 */
export const recruitingConversationRouter = router({
  open: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/recruiting/applications/{id}/conversation/", tags, summary: "Get, or open on first use, an application's conversation", protect: true } })
    .input(ZApplicationConversationInput)
    .output(ZConversation)
    .mutation(({ ctx, input }) => applicationConversationService.openConversation(ctx.svc, ctx.tenant, input)),

  messages: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/recruiting/applications/{id}/messages/", tags, summary: "A page of an application's messages (cursor: older, after: newer)", protect: true } })
    .input(ZApplicationMessagesInput)
    .output(ZConversationThread)
    .query(({ ctx, input }) => applicationConversationService.listMessages(ctx.svc, ctx.tenant, input)),

  send: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/recruiting/applications/{id}/messages/", tags, summary: "Send a message about an application (rate-limited like every message)", protect: true } })
    .input(ZApplicationSendInput)
    .output(ZSendMessageResult)
    .mutation(({ ctx, input }) => applicationConversationService.sendMessage(ctx.svc, ctx.tenant, input)),

  read: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/recruiting/applications/{id}/messages/read/", tags, summary: "Mark an application's conversation read", protect: true } })
    .input(ZApplicationConversationInput)
    .output(ZReadResult)
    .mutation(({ ctx, input }) => applicationConversationService.markRead(ctx.svc, ctx.tenant, input)),
});
