import { useQuery } from "@tanstack/react-query";
import type { TKnownFlag } from "@atrium/sdk";
import { trpc } from "../../lib/trpc";

/** The caller's feature flags as the api evaluates them (GET /api/flags/). */
export function useMyFlags() {
  return useQuery(trpc.flags.mine.queryOptions({}, { staleTime: 30_000 }));
}

/**
 * Whether a feature is on for the caller. Until the flags arrive it counts as on, so nothing
 * flickers away; the api refuses what is off (403 naming the flag) whatever the SPA shows.
 */
export function useFeature(key: TKnownFlag): boolean {
  const flags = useMyFlags();
  return flags.data?.flags[key] !== false;
}
