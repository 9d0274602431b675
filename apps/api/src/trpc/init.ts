import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError } from "zod";
import { loadPolicyActor, toActor } from "@atrium/core";
import type { Context } from "./context.js";
import { fieldErrorsFromCause, toTRPCError } from "./errors.js";
import { enforceRateLimit } from "./rate-limit.middleware.js";

const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    errorFormatter({ shape, error, input }) {
      const fieldErrors = fieldErrorsFromCause(error.cause, input);
      const isValidation = error.cause instanceof ZodError;
      const message =
        error.code === "INTERNAL_SERVER_ERROR"
          ? "Internal server error"
          : isValidation && fieldErrors
            ? `Invalid input: ${Object.entries(fieldErrors)
                .map(([k, v]) => `${k}: ${v.join(", ")}`)
                .join("; ")}`
            : shape.message;
      // No stack traces leave the server, whatever NODE_ENV says.
      return {
        message,
        code: shape.code,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors: fieldErrors ?? null },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const serviceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

// Every procedure, REST or tRPC, spends from the caller's rate-limit budgets first.
const rateLimited = t.middleware(async ({ ctx, path, getRawInput, next }) => {
  await enforceRateLimit(ctx, path, getRawInput);
  return next();
});

export const publicProcedure = t.procedure.use(serviceErrors).use(rateLimited);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Authentication required" });
  return next({ ctx: { ...ctx, auth: ctx.auth, actor: toActor(ctx.auth.user) } });
});

const SESSION_CHECK = (protectedProcedure as unknown as ProcedureInternals)._def.middlewares.at(-1);
type ProcedureInternals = { _def: { middlewares: unknown[] } };

/**
 * Whether a built procedure runs the session check (is built on protectedProcedure
 * or one of its descendants). Read from the chain itself, so the OpenAPI document
 * can't call a procedure public that isn't, or forget one that is.
 */
export const needsSession = (procedure: unknown): boolean => (procedure as ProcedureInternals)._def.middlewares.includes(SESSION_CHECK);

export const staffProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.actor.isStaff) throw new TRPCError({ code: "FORBIDDEN", message: "Staff only" });
  return next();
});

/**
 * For tenant data: loads the caller's roles in every account and organization
 * once per request (ctx.policy), which services hand to the policy module.
 */
export const tenantProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const policy = await loadPolicyActor(ctx.svc.db, ctx.actor);
  return next({ ctx: { ...ctx, policy } });
});
