import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isAuthProcedure } from "@atrium/sdk";
import { isClientError, isUnauthorized } from "./errors";

/** A tRPC key's procedure path, e.g. "auth.me" or "auth.login" (the integration's keys start with the path's parts). */
export function procedurePath(key: readonly unknown[] | undefined): string {
  const parts = key?.[0];
  return Array.isArray(parts) ? parts.join(".") : "";
}

const isMe = (key: readonly unknown[]) => procedurePath(key) === "auth.me";

// A 401 anywhere means the session ended: re-asking `me` turns it into null,
// and the auth guard then sends the visitor to /login.
function onUnauthorized(error: unknown) {
  if (isUnauthorized(error)) void queryClient.invalidateQueries({ predicate: (q) => isMe(q.queryKey) });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (!isMe(query.queryKey)) onUnauthorized(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      // A failed login (or password change) is a wrong password, not an expired session.
      if (!isAuthProcedure(procedurePath(mutation.options.mutationKey))) onUnauthorized(error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (failures, error) => !isClientError(error) && failures < 2,
    },
  },
});
