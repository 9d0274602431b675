import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isClientError, isUnauthorized } from "./errors";
import { queryKeys } from "./query-keys";

// A 401 anywhere means the session ended: re-asking `me` turns it into null,
// and the auth guard then sends the visitor to /login.
function onUnauthorized(error: unknown) {
  if (isUnauthorized(error)) void queryClient.invalidateQueries({ queryKey: queryKeys.me });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== queryKeys.me[0]) onUnauthorized(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      // A failed login is a wrong password, not an expired session.
      if (mutation.options.mutationKey?.[0] !== "auth") onUnauthorized(error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (failures, error) => !isClientError(error) && failures < 2,
    },
  },
});
