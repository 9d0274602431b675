import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "./query-keys";
import { api } from "./trpc";

/** The server's configured limits (upload size, top-up range); they change only with a restart. */
export function useLimits() {
  return useQuery({ queryKey: queryKeys.limits, queryFn: () => api.limits.query(), staleTime: Infinity });
}
