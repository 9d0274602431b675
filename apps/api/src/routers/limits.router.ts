import { z } from "zod";
import { limitsOf, ZLimits } from "@atrium/core";
import { protectedProcedure } from "../trpc/init.js";

/** The limits forms show before they are hit (upload size, top-up range): config, not secrets, but only for signed-in users. */
export const limitsProcedure = protectedProcedure
  .meta({ openapi: { method: "GET", path: "/limits/", tags: ["auth"], summary: "Upload size and top-up range, as this server is configured", protect: true } })
  .input(z.void())
  .output(ZLimits)
  .query(({ ctx }) => limitsOf(ctx.svc.config));
