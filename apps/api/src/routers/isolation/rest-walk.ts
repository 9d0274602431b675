// The id walk again, over REST: path parameters, query strings and bodies mapped by trpc-to-openapi.
import { randomUUID } from "node:crypto";
import { pool } from "./outcome.js";
import { allProcedures, buildInput, takesIds, type Procedure } from "./procedures.js";
import { http, type Probe } from "./http.js";

const restScoped = () => allProcedures().filter((p) => p.access === "protected" && p.rest && takesIds(p));

/** One REST request for `input`: {params} from it, the rest as the query (GET/DELETE) or a JSON body. */
function restRequest(p: Procedure, input: Record<string, unknown> = {}) {
  const rest = p.rest as NonNullable<Procedure["rest"]>;
  const left = { ...input };
  const path = rest.path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = String(left[k]);
    delete left[k];
    return encodeURIComponent(v);
  });
  const inQuery = rest.method === "GET" || rest.method === "DELETE";
  const query = inQuery ? new URLSearchParams(Object.entries(left).map(([k, v]): [string, string] => [k, typeof v === "object" ? JSON.stringify(v) : String(v)])).toString() : "";
  return { method: rest.method, url: `/api${path}${query ? `?${query}` : ""}`, json: inQuery ? undefined : left };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The mapping is the same whoever calls: walked as A's owner and with one dead credential (the tRPC walk covers every caller). */
const WALKERS = ["owner", "disabled user (API key)"];

/** Every tenant procedure with a REST route, named with tenant B's ids, must answer as if they didn't exist (401 to dead credentials). */
export async function restWalk(p: Probe): Promise<string | null> {
  if (!WALKERS.includes(p.caller.name)) return null;
  const problems = await pool(
    restScoped().map((proc) => async () => {
      const foreign = restRequest(proc, buildInput(proc, (kind) => p.world.b.ids[kind as keyof typeof p.world.b.ids] ?? randomUUID()));
      const unknown = restRequest(proc, buildInput(proc, () => randomUUID()));
      const [theirs, none] = await Promise.all([http(p, foreign.method, foreign.url, { json: foreign.json }), http(p, unknown.method, unknown.url, { json: unknown.json })]);
      if (!p.active) return theirs.status === 401 ? null : `${foreign.method} ${foreign.url} answered ${theirs.status} to dead credentials`;
      const same = theirs.status === none.status && theirs.text.replace(UUID, "<id>") === none.text.replace(UUID, "<id>");
      return theirs.status < 400 || !same ? `${foreign.method} ${foreign.url} answered ${theirs.status} ${theirs.text.slice(0, 200)}; unknown ids: ${none.status} ${none.text.slice(0, 200)}` : null;
    }),
    3,
  );
  const found = problems.filter((x): x is string => x !== null);
  return found.length ? found.join("\n") : null;
}
