// Calling procedures by path and comparing what came back.
import { TRPCError } from "@trpc/server";
import type { Caller } from "../tenancy.test-helpers.js";

export interface Outcome {
  /** "success", a tRPC code, or the thrown error's text when it wasn't a TRPCError. */
  code: string;
  message: string;
  data?: unknown;
}

export async function callPath(caller: Caller, path: string, input: unknown): Promise<Outcome> {
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (i: unknown) => Promise<unknown>;
  return fn(input).then(
    (data) => ({ code: "success", message: "", data }),
    (error: unknown) => (error instanceof TRPCError ? { code: error.code, message: error.message } : { code: String(error), message: String(error) }),
  );
}

/** Ids may appear in messages; two answers are the same if they differ only there. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
export const sameAnswer = (x: Outcome, y: Outcome) => x.code === y.code && x.message.replace(UUID, "<id>") === y.message.replace(UUID, "<id>");

export const describe = (path: string, input: unknown, o: Outcome) =>
  `${path}(${JSON.stringify(input)}) answered ${o.code}${o.code === "success" ? `: ${JSON.stringify(o.data).slice(0, 200)}` : `: ${o.message}`}`;

/** Runs `tasks` with at most `width` in flight: fast, without flooding the one Postgres all test files share. */
export async function pool<T>(tasks: Array<() => Promise<T>>, width = 8): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, lane));
  return results;
}
