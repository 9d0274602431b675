import { Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { ListSkeleton } from "../../components/list-skeleton";
import { LoadMore } from "../../components/load-more";
import { QueryState, type EmptyView, type QueryLike } from "../../components/query-state";
import type { PublicPosting } from "../../lib/trpc";
import { PostingCard } from "./posting-card";

interface Paged {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** Cards of published postings with the four query states and "Load more". */
export function PostingList({ query, empty, showEmployer, errorTitle }: { query: QueryLike<PublicPosting[]> & Paged; empty: EmptyView | ReactNode; showEmployer: boolean; errorTitle: string }) {
  return (
    <QueryState query={query} errorTitle={errorTitle} empty={empty} loading={<ListSkeleton rows={4} label="Loading postings" />}>
      {(items) => (
        <Stack gap="sm">
          {items.map((p) => (
            <PostingCard key={p.id} posting={p} showEmployer={showEmployer} />
          ))}
          <LoadMore hasNextPage={query.hasNextPage} isFetchingNextPage={query.isFetchingNextPage} fetchNextPage={query.fetchNextPage} label="More postings" />
        </Stack>
      )}
    </QueryState>
  );
}
