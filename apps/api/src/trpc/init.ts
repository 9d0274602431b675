import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { loadTenantActor, ServiceError, toActor } from "@atrium/core";
import type { Context } from "./context.js";
import { fieldErrorsFromCause, publicMessage, toTRPCError } from "./errors.js";
import { enforceRateLimit } from "./rate-limit.middleware.js";
import { NUL_MESSAGE, nulFields } from "./nul-guard.js";

/** Keep-alive interval of event streams (tRPC's and GET /api/events/). */
export const SSE_PING_MS = 15_000;

const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    // Event streams (events.stream): a ping keeps proxies from closing an idle stream, and a client
    // that hears nothing (not even a ping) for a while reconnects with its last event id.
    sse: { ping: { enabled: true, intervalMs: SSE_PING_MS }, client: { reconnectAfterInactivityMs: SSE_PING_MS * 3 } },
    errorFormatter({ shape, error, ctx, input }) {
      // No stack traces leave the server, whatever NODE_ENV says.
      return {
        message: publicMessage(error, input),
        code: shape.code,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors: fieldErrorsFromCause(error.cause, input) ?? null, requestId: ctx?.requestId ?? null },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A service's error (ServiceError) from anywhere further down the call, as the TRPCError it stands for. */
const mapServiceError = (result: { ok: boolean; error?: { cause?: unknown } }) => {
  const mapped = result.ok ? undefined : toTRPCError(result.error?.cause);
  if (mapped) throw mapped;
};

const serviceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  mapServiceError(result);
  return result;
});

// Every procedure, REST or tRPC, before anything else: text with a NUL character is a 400 naming its
// fields, before any procedure passes it to Postgres; before the rate limit too, whose per-username
// budget of a sign-in looks the name up. Then the caller's rate-limit budgets are spent. With the
// service-error mapping in the same middleware: one level of tRPC's middleware chain, not three, on every call.
const guardedCall = t.middleware(async ({ ctx, path, getRawInput, next }) => {
  try {
    const fields = nulFields(await getRawInput());
    if (fields) throw new ServiceError("BAD_REQUEST", NUL_MESSAGE, fields);
    await enforceRateLimit(ctx, path, getRawInput);
  } catch (cause) {
    throw toTRPCError(cause) ?? cause;
  }
  const result = await next();
  mapServiceError(result);
  return result;
});

/** For a caller that authenticates by a signature over the request (Stripe's webhook): no user, and no per-IP budget. */
export const signedProcedure = t.procedure.use(serviceErrors);

export const publicProcedure = t.procedure.use(guardedCall);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Authentication required" });
  // Only what changes: tRPC merges it over ctx itself (a full `...ctx` here would be copied twice per call).
  return next({ ctx: { auth: ctx.auth, actor: toActor(ctx.auth.user) } });
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
 * For tenant data: the tenant actor (the caller's roles in every account and
 * organization, plus the home account calls default to), loaded once per
 * request as ctx.tenant and handed to services, which resolve the account.
 */
export const tenantProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const tenant = await loadTenantActor(ctx.svc.db, ctx.actor);
  return next({ ctx: { tenant } });
});
