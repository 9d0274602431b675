import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "../../lib/notify";
import { allItems, nextCursorOf } from "../../lib/pages";
import { trpc } from "../../lib/trpc";
import type { EmploymentType, PostingStatus } from "./posting-labels";

/** The employer's postings, newest first, by status and words. */
export function usePostings(accountId: string | undefined, filters: { status: PostingStatus | null; q: string }) {
  return useInfiniteQuery({
    ...trpc.recruiting.postings.list.infiniteQueryOptions({ accountId, status: filters.status ?? undefined, q: filters.q || undefined, limit: 25 }, { getNextPageParam: nextCursorOf }),
    select: allItems,
    placeholderData: keepPreviousData,
    // Until memberships say which employer, there is nothing to ask for.
    enabled: accountId !== undefined,
  });
}

export function usePosting(id: string) {
  return useQuery(trpc.recruiting.postings.get.queryOptions({ id }));
}

function useInvalidatePostings() {
  const queryClient = useQueryClient();
  // The public board shows published postings: it follows every change too.
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.recruiting.postings.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.recruiting.board.pathKey() })]);
}

/** Errors are shown inside the form, next to the fields. */
export function useCreatePosting() {
  const invalidate = useInvalidatePostings();
  return useMutation(
    trpc.recruiting.postings.create.mutationOptions({
      onSuccess: (p) => {
        notifySuccess(`“${p.title}” was saved as a draft.`, "Posting created");
        return invalidate();
      },
    }),
  );
}

export function useUpdatePosting() {
  const invalidate = useInvalidatePostings();
  return useMutation(
    trpc.recruiting.postings.update.mutationOptions({
      onSuccess: (p) => {
        notifySuccess(`“${p.title}” was saved.`, "Posting updated");
        return invalidate();
      },
    }),
  );
}

export function usePublishPosting() {
  const invalidate = useInvalidatePostings();
  return useMutation(
    trpc.recruiting.postings.publish.mutationOptions({
      onSuccess: (p) => {
        notifySuccess(`“${p.title}” is on your public job board.`, "Posting published");
        return invalidate();
      },
      onError: (error) => notifyError(error, "Couldn't publish the posting"),
    }),
  );
}

export function useClosePosting() {
  const invalidate = useInvalidatePostings();
  return useMutation(
    trpc.recruiting.postings.close.mutationOptions({
      onSuccess: (p) => {
        notifySuccess(`“${p.title}” is off the public board.`, "Posting closed");
        return invalidate();
      },
      onError: (error) => notifyError(error, "Couldn't close the posting"),
    }),
  );
}

// ---- The public board (no sign-in) ----

export interface BoardSearch {
  q: string;
  location: string;
  remote: boolean | null;
  employmentType: EmploymentType | null;
}

/** Every employer's published postings matching the filters. */
export function useJobSearch(s: BoardSearch) {
  return useInfiniteQuery({
    ...trpc.recruiting.board.search.infiniteQueryOptions(
      { q: s.q || undefined, location: s.location || undefined, remote: s.remote ?? undefined, employmentType: s.employmentType ?? undefined, limit: 20 },
      { getNextPageParam: nextCursorOf },
    ),
    select: allItems,
    placeholderData: keepPreviousData,
  });
}

export function useEmployerBoard(accountSlug: string) {
  return useInfiniteQuery({
    ...trpc.recruiting.board.list.infiniteQueryOptions({ accountSlug, limit: 20 }, { getNextPageParam: nextCursorOf }),
    select: (data) => ({ items: allItems(data), employer: data.pages[0]?.items[0]?.employer ?? null }),
  });
}

export function usePublicPosting(accountSlug: string, postingId: string) {
  return useQuery(trpc.recruiting.board.get.queryOptions({ accountSlug, postingId }));
}
