// Calls one procedure over either surface, so a test can assert both behave alike.
export interface CallResult {
  status: number;
  data: unknown;
  error?: { message: string; code: string; fieldErrors: Record<string, string[]> | null };
}

export type Transport = "rest" | "trpc";

interface Route {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  rest: string;
  trpc: string;
  kind: "query" | "mutation";
}

export const routes = {
  login: { method: "POST", rest: "/api/auth/login/", trpc: "auth.login", kind: "mutation" },
  token: { method: "POST", rest: "/api/auth/token/", trpc: "auth.token", kind: "mutation" },
  logout: { method: "POST", rest: "/api/auth/logout/", trpc: "auth.logout", kind: "mutation" },
  me: { method: "GET", rest: "/api/me/", trpc: "auth.me", kind: "query" },
  createKey: { method: "POST", rest: "/api/api-keys/", trpc: "apiKeys.create", kind: "mutation" },
  listKeys: { method: "GET", rest: "/api/api-keys/", trpc: "apiKeys.list", kind: "query" },
  revokeKey: { method: "DELETE", rest: "/api/api-keys/{id}/", trpc: "apiKeys.revoke", kind: "mutation" },
} satisfies Record<string, Route>;

type ErrorBody = { message: string; code: string; data?: { code: string; fieldErrors: Record<string, string[]> | null } };

export async function call(
  baseUrl: string,
  transport: Transport,
  route: Route,
  input?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<CallResult & { headers: Headers }> {
  let res: Response;
  if (transport === "rest") {
    let path = route.rest;
    const body = { ...input };
    for (const [k, v] of Object.entries(body)) {
      if (path.includes(`{${k}}`)) {
        path = path.replace(`{${k}}`, encodeURIComponent(String(v)));
        delete body[k];
      }
    }
    const hasBody = (route.method === "POST" || route.method === "PATCH" || route.method === "PUT") && input !== undefined;
    // GET inputs that aren't path parameters travel as the query string.
    const query = route.method === "GET" ? Object.entries(body).filter(([, v]) => v !== undefined) : [];
    if (query.length) path += `?${new URLSearchParams(query.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
    res = await fetch(`${baseUrl}${path}`, {
      method: route.method,
      headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...headers },
      body: hasBody ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as ErrorBody;
    if (res.ok) return { status: res.status, data: json, headers: res.headers };
    return { status: res.status, data: null, headers: res.headers, error: { message: json.message, code: json.code, fieldErrors: json.data?.fieldErrors ?? null } };
  }
  const url = `${baseUrl}/trpc/${route.trpc}`;
  res =
    route.kind === "query"
      ? await fetch(input ? `${url}?input=${encodeURIComponent(JSON.stringify(input))}` : url, { headers })
      : await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: input === undefined ? undefined : JSON.stringify(input) });
  const json = (await res.json()) as { result?: { data: unknown }; error?: ErrorBody };
  if (json.error) {
    const e = json.error;
    return { status: res.status, data: null, headers: res.headers, error: { message: e.message, code: e.data?.code ?? "", fieldErrors: e.data?.fieldErrors ?? null } };
  }
  return { status: res.status, data: json.result?.data, headers: res.headers };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
