import { pipeline } from "node:stream/promises";
import { Router, type Request, type RequestHandler, type Response } from "express";
import { TRPCError, type inferProcedureBuilderResolverOptions } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError, type z } from "zod";
import type { Logger } from "@atrium/config";
import type { Context } from "../../trpc/context.js";
import { fieldErrorsFromCause, publicMessage, requestIdOf, toTRPCError } from "../../trpc/errors.js";
import { createCallerFactory, protectedProcedure, publicProcedure, router, signedProcedure, staffProcedure, tenantProcedure } from "../../trpc/init.js";

/**
 * Who may call a raw route, decided by the procedure builder of the same name:
 * `signed` (a signature over the request is the credential, Stripe's volume is
 * not a user's: no rate limit, and no session looked up even if one rides along), `public` (anyone, rate limited; a signed link),
 * `user` (signed in), `staff`, `tenant` (signed in, with ctx.tenant loaded).
 */
const PIPELINES = { signed: signedProcedure, public: publicProcedure, user: protectedProcedure, staff: staffProcedure, tenant: tenantProcedure };
export type Access = keyof typeof PIPELINES;
export type RawContext<A extends Access> = inferProcedureBuilderResolverOptions<(typeof PIPELINES)[A]>["ctx"];
export type CreateContext = (opts: { req: Request; res: Response; anonymous?: boolean }) => Promise<Context>;

export interface RawCall<A extends Access, I> {
  req: Request;
  res: Response;
  ctx: RawContext<A>;
  input: I;
}

export interface RawRoute<A extends Access, I> {
  method: "get" | "post";
  /** Express path, mounted under /api. */
  path: string;
  /** Names the route like a procedure: in rate limits, logs and error bodies. */
  procedure: string;
  access: A;
  /** Validated like a procedure's input (unknown keys, field errors); read from the query and path params. */
  input?: z.ZodType<I>;
  /** Express handlers that must see the request first (e.g. the webhook's raw-body reader). */
  before?: RequestHandler[];
  /** Runs after the pipeline; writes the response (a stream, a file, JSON). Throw to answer with an error. */
  handle(call: RawCall<A, I>): Promise<void>;
}

/** A route file's one export: its declaration, typed from its access level and input. */
export const defineRawRoute = <A extends Access, I = undefined>(spec: RawRoute<A, I>): RawRoute<A, I> => spec;

/**
 * Streams `body` as a download named `filename`. The pipeline's refusals are
 * over by now; a failure from here on cuts the response short (see addRoute).
 */
export async function sendDownload(res: Response, contentType: string, filename: string, ...body: Array<NodeJS.ReadableStream | NodeJS.ReadWriteStream | AsyncIterable<unknown>>): Promise<void> {
  res.status(200);
  res.setHeader("Content-Type", contentType);
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
  res.setHeader("Cache-Control", "no-store");
  await (pipeline as (...streams: unknown[]) => Promise<void>)(...body, res);
}

/** The same error body the REST surface sends for a failed procedure. */
export function sendRouteError(req: Request, res: Response, error: TRPCError, path: string): void {
  if (res.headersSent) return;
  const status = getHTTPStatusCodeFromError(error);
  const fieldErrors = fieldErrorsFromCause(error.cause) ?? null;
  const requestId = requestIdOf(req as Request & { id?: unknown });
  res.status(status).json({ message: publicMessage(error), code: error.code, data: { code: error.code, httpStatus: status, path, fieldErrors, requestId } });
}

/** One mapping for whatever a route throws: our transport errors pass, service and zod errors map, anything else is a 500. */
export function toRouteError(e: unknown): TRPCError {
  if (e instanceof TRPCError) return e;
  if (e instanceof ZodError) return new TRPCError({ code: "BAD_REQUEST", message: "Invalid input", cause: e });
  return toTRPCError(e) ?? new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: e });
}

/** A caller for one procedure named `procedure` (nested by its dots, so middlewares see the same path). */
function pipelineCaller<A extends Access, I>(spec: RawRoute<A, I>) {
  const base = PIPELINES[spec.access] as typeof publicProcedure;
  const withInput = spec.input ? base.input(spec.input) : base;
  const proc = withInput.query(({ ctx, input }) => ({ ctx, input }));
  const parts = spec.procedure.split(".");
  const tree = parts.reduceRight<unknown>((inner, key) => ({ [key]: inner }), proc);
  const factory = createCallerFactory(router(tree as Record<string, typeof proc>));
  return async (ctx: Context, rawInput: unknown) => {
    const caller = parts.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], factory(ctx)) as (input: unknown) => Promise<{ ctx: RawContext<A>; input: I }>;
    return caller(rawInput);
  };
}

/** Stops reading a body the route refused: answer, then close the connection instead of draining it. */
function dropUnreadBody(req: Request, res: Response): void {
  if (req.complete) return;
  req.unpipe();
  req.pause();
  res.setHeader("Connection", "close");
  res.once("finish", () => setTimeout(() => req.socket.destroy(), 200).unref());
}

/**
 * A plain express route (file upload, download, CSV, archive, webhook) run
 * through the procedures' own pipeline: the tRPC context (session cookie,
 * bearer token or API key), the rate limit, the access level's role check,
 * input validation, and one error mapping to the REST error body.
 */
export function mountRawRoutes(routes: ReadonlyArray<RawRoute<Access, unknown>>, createContext: CreateContext, logger: Logger): Router {
  const r = Router();
  for (const spec of routes) addRoute(r, spec, createContext, logger);
  return r;
}

function addRoute<A extends Access, I>(r: Router, spec: RawRoute<A, I>, createContext: CreateContext, logger: Logger): void {
  const run = pipelineCaller(spec);
  r[spec.method](spec.path, ...(spec.before ?? []), async (req: Request, res: Response) => {
    let log = logger;
    try {
      const ctx = await createContext({ req, res, anonymous: spec.access === "signed" });
      log = ctx.logger;
      const passed = await run(ctx, spec.input ? { ...req.query, ...req.params } : undefined);
      await spec.handle({ req, res, ctx: passed.ctx, input: passed.input });
    } catch (e) {
      const error = toRouteError(e);
      if (error.code === "INTERNAL_SERVER_ERROR") log.error({ err: error.cause ?? e, path: spec.procedure }, `${spec.procedure} failed`);
      // Mid-stream there is no status left to send: cut the response short so the client sees it failed.
      if (res.headersSent) return void (res.writableEnded || res.destroy());
      dropUnreadBody(req, res);
      sendRouteError(req, res, error, spec.procedure);
    }
  });
}
