import {
  notificationService,
  unsubscribe,
  ZListNotificationsInput,
  ZNotification,
  ZNotificationIdInput,
  ZNotificationList,
  ZNotificationPreferences,
  ZReadAllResult,
  ZUnsubscribeInput,
  ZUnsubscribeResult,
  ZUpdateNotificationPreferencesInput,
} from "@atrium/core";
import { z } from "zod";
import { protectedProcedure, publicProcedure, router } from "../trpc/init.js";

const tags = ["notifications"];

export const notificationRouter = router({
  list: protectedProcedure
    .meta({ openapi: { method: "GET", path: "/notifications/", tags, summary: "Your notifications, newest first, with the unread count", protect: true } })
    .input(ZListNotificationsInput)
    .output(ZNotificationList)
    .query(({ ctx, input }) => notificationService.listNotifications(ctx.svc, ctx.actor, input)),

  read: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/notifications/{id}/read/", tags, summary: "Mark one of your notifications read", protect: true } })
    .input(ZNotificationIdInput)
    .output(ZNotification)
    .mutation(({ ctx, input }) => notificationService.markNotificationRead(ctx.svc, ctx.actor, input.id)),

  readAll: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/notifications/read-all/", tags, summary: "Mark all your notifications read", protect: true } })
    .input(z.void())
    .output(ZReadAllResult)
    .mutation(({ ctx }) => notificationService.markAllNotificationsRead(ctx.svc, ctx.actor)),

  preferences: protectedProcedure
    .meta({ openapi: { method: "GET", path: "/notifications/preferences/", tags, summary: "Your channel (in_app, email, off) for each kind of notification", protect: true } })
    .input(z.void())
    .output(ZNotificationPreferences)
    .query(({ ctx }) => notificationService.getPreferences(ctx.svc, ctx.actor)),

  updatePreferences: protectedProcedure
    .meta({ openapi: { method: "PUT", path: "/notifications/preferences/", tags, summary: "Set the channel of the kinds named", protect: true } })
    .input(ZUpdateNotificationPreferencesInput)
    .output(ZNotificationPreferences)
    .mutation(({ ctx, input }) => notificationService.updatePreferences(ctx.svc, ctx.actor, input)),

  unsubscribe: publicProcedure
    .meta({ openapi: { method: "POST", path: "/notifications/unsubscribe/", tags, summary: "Turn one kind of email off with the signed link from that email (no sign-in)", protect: false } })
    .input(ZUnsubscribeInput)
    .output(ZUnsubscribeResult)
    .mutation(({ ctx, input }) => unsubscribe(ctx.svc, input.token)),
});
