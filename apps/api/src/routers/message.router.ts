import {
  messageService,
  ZConversationIdInput,
  ZConversationMessagesInput,
  ZConversationPage,
  ZConversationThread,
  ZListConversationsInput,
  ZMessage,
  ZMessageContacts,
  ZMessageContactsInput,
  ZMessageIdInput,
  ZMessageList,
  ZReadResult,
  ZSearchMessagesInput,
  ZSendMessageInput,
  ZSendMessageResult,
  ZUnreadCount,
} from "@atrium/core";
import { z } from "zod";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["messages"];

/** Paths as seed 002 documents them (`/messages/conversations/`, `/send/`, `/read/{id}/`, `/unread/`); the rest under the same prefix. */
export const messageRouter = router({
  conversations: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/messages/conversations/", tags, summary: "Your conversations, newest activity first, with the last message and unread count", protect: true } })
    .input(ZListConversationsInput)
    .output(ZConversationPage)
    .query(({ ctx, input }) => messageService.listConversations(ctx.svc, ctx.tenant, input)),

  get: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/messages/conversations/{id}/", tags, summary: "A page of one conversation's messages (cursor: older, after: newer)", protect: true } })
    .input(ZConversationMessagesInput)
    .output(ZConversationThread)
    .query(({ ctx, input }) => messageService.getConversation(ctx.svc, ctx.tenant, input)),

  search: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/messages/conversations/{id}/search/", tags, summary: "Messages of one conversation containing the words", protect: true } })
    .input(ZSearchMessagesInput)
    .output(ZMessageList)
    .query(({ ctx, input }) => messageService.searchConversation(ctx.svc, ctx.tenant, input)),

  send: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/messages/send/", tags, summary: "Send a message to someone you share an account with (rate-limited)", protect: true } })
    .input(ZSendMessageInput)
    .output(ZSendMessageResult)
    .mutation(({ ctx, input }) => messageService.sendMessage(ctx.svc, ctx.tenant, input)),

  read: tenantProcedure
    .meta({ openapi: { method: "POST", path: "/messages/read/{id}/", tags, summary: "Mark a conversation read up to its newest message", protect: true } })
    .input(ZConversationIdInput)
    .output(ZReadResult)
    .mutation(({ ctx, input }) => messageService.markConversationRead(ctx.svc, ctx.tenant, input)),

  unread: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/messages/unread/", tags, summary: "How many messages you haven't read", protect: true } })
    .input(z.void())
    .output(ZUnreadCount)
    .query(({ ctx }) => messageService.unreadCount(ctx.svc, ctx.tenant)),

  delete: tenantProcedure
    .meta({ openapi: { method: "DELETE", path: "/messages/{id}/", tags, summary: "Delete a message you sent (its place in the thread stays)", protect: true } })
    .input(ZMessageIdInput)
    .output(ZMessage)
    .mutation(({ ctx, input }) => messageService.deleteMessage(ctx.svc, ctx.tenant, input, ctx.meta)),

  contacts: tenantProcedure
    .meta({ openapi: { method: "GET", path: "/messages/contacts/", tags, summary: "People you can message: members of your accounts", protect: true } })
    .input(ZMessageContactsInput)
    .output(ZMessageContacts)
    .query(({ ctx, input }) => messageService.listContacts(ctx.svc, ctx.tenant, input)),
});
