import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TApplication, TApplicationStatus, TPipelineStage } from "@atrium/sdk";
import { useLiveInvalidate } from "../../lib/live";
import { notifySuccess } from "../../lib/notify";
import { allItems, nextCursorOf } from "../../lib/pages";
import { api, trpc } from "../../lib/trpc";

export interface ApplicationFilters {
  status?: TApplicationStatus;
  minScore?: number;
  skill?: string;
  q?: string;
}

/** A posting's applications, best match first; moves and finished matches (by anyone) refetch it. */
export function useApplications(postingId: string, filters: ApplicationFilters, limit = 50) {
  useLiveInvalidate(["application.changed"], trpc.recruiting.applications.list.pathKey(), { when: (e) => e.postingId === postingId });
  return useInfiniteQuery({
    ...trpc.recruiting.applications.list.infiniteQueryOptions({ postingId, ...filters, limit }, { getNextPageParam: nextCursorOf }),
    select: allItems,
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: string) {
  useLiveInvalidate(["application.changed"], trpc.recruiting.applications.get.queryKey({ id }), { when: (e) => e.applicationId === id, throttleMs: 0 });
  return useQuery(trpc.recruiting.applications.get.queryOptions({ id }));
}

type Move = { id: string; from: TApplicationStatus; to: TPipelineStage; name: string };
type ListPages = { pages: Array<{ items: TApplication[] }> };

/**
 * A move is conditional on the stage the recruiter saw (`from`): a stale one is refused and the lists refetch.
 * Lists show the card in its new stage at once (a dragged card doesn't jump back while the api answers) and
 * put it back if the move is refused.
 */
export function useMoveApplication() {
  const queryClient = useQueryClient();
  const lists = { queryKey: trpc.recruiting.applications.list.pathKey() };
  return useMutation({
    mutationKey: trpc.recruiting.applications.move.mutationKey(),
    mutationFn: (m: Move) => api.recruiting.applications.move.mutate({ id: m.id, from: m.from, to: m.to }),
    onMutate: async (m) => {
      await queryClient.cancelQueries(lists);
      const before = queryClient.getQueriesData<ListPages>(lists);
      queryClient.setQueriesData<ListPages>(lists, (data) =>
        data && { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((a) => (a.id === m.id ? { ...a, status: m.to } : a)) })) },
      );
      return { before };
    },
    onError: (_error, _m, context) => context?.before.forEach(([key, data]) => queryClient.setQueryData(key, data)),
    onSuccess: (_moved, m) => notifySuccess(`${m.name} moved to ${m.to}.`, "Application moved"),
    // Not awaited: the move is done (and a refusal told) when the api has answered, not once the lists have refetched.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.recruiting.applications.pathKey() }),
  });
}

export function useRematch() {
  const queryClient = useQueryClient();
  return useMutation({
    ...trpc.recruiting.applications.rematch.mutationOptions(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.recruiting.applications.pathKey() }),
  });
}

/** The candidate's own applications; a move by the employer shows at once (application.changed reaches the candidate). */
export function useMyApplications() {
  useLiveInvalidate(["application.changed"], trpc.recruiting.applications.mine.pathKey(), { throttleMs: 0 });
  return useInfiniteQuery({
    ...trpc.recruiting.applications.mine.infiniteQueryOptions({ limit: 25 }, { getNextPageParam: nextCursorOf }),
    select: allItems,
  });
}

export function useMyApplication(id: string) {
  useLiveInvalidate(["application.changed"], trpc.recruiting.applications.getMine.queryKey({ id }), { when: (e) => e.applicationId === id, throttleMs: 0 });
  return useQuery(trpc.recruiting.applications.getMine.queryOptions({ id }));
}

export function useWithdraw() {
  const queryClient = useQueryClient();
  return useMutation({
    ...trpc.recruiting.applications.withdraw.mutationOptions(),
    onSuccess: () => notifySuccess("Your application was withdrawn.", "Withdrawn"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.recruiting.applications.pathKey() }),
  });
}

export function useApply() {
  const queryClient = useQueryClient();
  return useMutation({
    ...trpc.recruiting.applications.create.mutationOptions(),
    onSuccess: () => {
      notifySuccess("Your application was sent.", "Applied");
      return queryClient.invalidateQueries({ queryKey: trpc.recruiting.applications.pathKey() });
    },
  });
}
