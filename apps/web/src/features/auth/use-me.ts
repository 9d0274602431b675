import { queryOptions, useQuery } from "@tanstack/react-query";
import { isUnauthorized } from "../../lib/errors";
import { api, trpc, type Me } from "../../lib/trpc";

/** `null` means signed out: a 401 is an answer here, not a failure. */
export const meQuery = queryOptions({
  // tRPC's key for `me` (so its invalidations reach it), with our own queryFn: a 401 becomes null.
  queryKey: trpc.auth.me.queryKey() as readonly unknown[],
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api.auth.me.query();
    } catch (error) {
      if (isUnauthorized(error)) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

export function displayName(user: Me["user"]): string {
  return user.displayName?.trim() || user.username;
}
