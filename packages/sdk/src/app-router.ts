// Declarations only: imported with `import type`, never bundled into JS.
//
// The server's router type carries its context (db, logger, express request...)
// and its OpenAPI meta, and publishing it as is drags drizzle, pg, pino, express
// and trpc-to-openapi into the SDK's .d.ts (trpc/trpc#5004). Here the router is
// rebuilt with `object` for both; the compiler writes the inferred type of
// `appRouterShape` out in full (procedures with their zod-derived input and
// output), so the emitted declarations import nothing but @trpc/server.
import type { AppRouter as ServerRouter } from "@atrium/api/router";
import type {
  AnyTRPCRouter,
  TRPCBuiltRouter,
  TRPCMutationProcedure,
  TRPCQueryProcedure,
  TRPCSubscriptionProcedure,
} from "@trpc/server";

type RootTypes<R extends AnyTRPCRouter> = R["_def"]["_config"]["$types"];

type PublicEntry<T> =
  T extends TRPCQueryProcedure<infer D>
    ? TRPCQueryProcedure<{ input: D["input"]; output: D["output"]; meta: object }>
    : T extends TRPCMutationProcedure<infer D>
      ? TRPCMutationProcedure<{ input: D["input"]; output: D["output"]; meta: object }>
      : T extends TRPCSubscriptionProcedure<infer D>
        ? TRPCSubscriptionProcedure<{ input: D["input"]; output: D["output"]; meta: object }>
        : { [K in keyof T]: PublicEntry<T[K]> };

// The mapped record is written inline (not as an alias) so declaration emit expands it.
declare function publicRouter<R extends AnyTRPCRouter>(): TRPCBuiltRouter<
  { ctx: object; meta: object; errorShape: RootTypes<R>["errorShape"]; transformer: RootTypes<R>["transformer"] },
  { [K in keyof R["_def"]["record"]]: PublicEntry<R["_def"]["record"][K]> }
>;

export const appRouterShape = publicRouter<ServerRouter>();
