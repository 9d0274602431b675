import { Stack, Title } from "@mantine/core";
import { IconCalendarEvent } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { LoadMore } from "../../components/load-more";
import { PageHeader } from "../../components/page-header";
import { QueryState, type QueryLike } from "../../components/query-state";

/** A cursor list under TanStack's infinite query, its pages' items already flattened (`select: allItems`). */
export interface PagedList<T> extends QueryLike<T[]> {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

interface InterviewListPageProps<T extends { id: string }> {
  title: string;
  description: string;
  /** Live and not yet over, soonest first (the api's order). */
  upcoming: PagedList<T>;
  /** Over, cancelled or completed, newest first; left out where the list is upcoming only (My interviews). */
  past?: PagedList<T>;
  empty: { title: string; description: string; testId: string };
  card: (interview: T) => ReactNode;
  /** Beside the title (the employer picker). */
  actions?: ReactNode;
}

/** Both lists as one query for the four states: loading until both answer, empty only when both are. */
function both<T>(upcoming: PagedList<T>, past: PagedList<T> | undefined): QueryLike<{ next: T[]; past: T[] }> {
  const lists = past ? [upcoming, past] : [upcoming];
  const failed = lists.find((l) => l.isError);
  return {
    data: upcoming.data && (!past || past.data) ? { next: upcoming.data, past: past?.data ?? [] } : undefined,
    error: failed?.error,
    isError: Boolean(failed),
    isPending: lists.some((l) => l.isPending),
    refetch: () => lists.forEach((l) => void l.refetch()),
  };
}

/**
 * A page of someone's interviews (the candidate's across employers, an interviewer's own): the upcoming
 * ones soonest first, then past and cancelled ones newest first. Each is its own cursor list, so a long
 * history never pushes what is next off the first page, and each has its own "Load more".
 */
export function InterviewListPage<T extends { id: string }>({ title, description, upcoming, past, empty, card, actions }: InterviewListPageProps<T>) {
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      <QueryState
        query={both(upcoming, past)}
        errorTitle="Couldn't load your interviews"
        loadingLabel="Loading interviews"
        isEmpty={(d) => d.next.length === 0 && d.past.length === 0}
        empty={{ icon: <IconCalendarEvent size={28} />, ...empty }}
      >
        {(lists) => (
          <Stack gap="sm">
            <Stack gap="sm" data-testid="upcoming-interviews">
              {lists.next.map(card)}
            </Stack>
            <LoadMore {...upcoming} label={past ? "Load more upcoming" : "Load more"} />
            {lists.past.length > 0 && (
              <Title order={3} size="h4" mt="md">
                Past and cancelled
              </Title>
            )}
            <Stack gap="sm" data-testid="past-interviews">
              {lists.past.map(card)}
            </Stack>
            {past && <LoadMore {...past} label="Load more past" />}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
