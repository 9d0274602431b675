import { useQuery } from "@tanstack/react-query";
import { trpc } from "./trpc";

/** The server's configured limits (upload size, top-up range); they change only with a restart. */
export function useLimits() {
  return useQuery(trpc.limits.queryOptions(undefined, { staleTime: Infinity }));
}
