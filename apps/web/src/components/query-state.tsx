import { EmptyState } from "@mantine/core";
import { isValidElement, type ReactNode } from "react";
import { ListSkeleton } from "./list-skeleton";
import { QueryError } from "./query-error";

/** What an empty answer shows: the same EmptyState every list uses. */
export interface EmptyView {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  /** For the e2e tests that wait for the empty state. */
  testId?: string;
}

/** The part of a TanStack query result QueryState reads; `select`ed and infinite queries fit too. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  refetch: () => unknown;
}

interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** Shown while the first answer is on its way; defaults to three skeleton rows. */
  loading?: ReactNode;
  loadingLabel?: string;
  errorTitle: string;
  /** When the answer counts as empty (default: an empty array or `{ items: [] }`). */
  isEmpty?: (data: T) => boolean;
  /** What an empty answer shows: an EmptyView, or a page's own EmptyState element. */
  empty?: EmptyView | ReactNode;
  children: (data: T) => ReactNode;
}

function defaultIsEmpty(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  const items = (data as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length === 0;
}

export function EmptyView({ icon, title, description, action, testId }: EmptyView) {
  return (
    <EmptyState py="xl" icon={icon} variant="light" title={title} description={description} data-testid={testId}>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}

/** Loading, error (with "Try again"), empty, or the data: the four states of every query, drawn one way. */
export function QueryState<T>({ query, loading, loadingLabel = "Loading", errorTitle, isEmpty = defaultIsEmpty, empty, children }: QueryStateProps<T>) {
  if (query.isError) return <QueryError error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <>{loading ?? <ListSkeleton label={loadingLabel} />}</>;
  if (empty && isEmpty(query.data)) return isValidElement(empty) ? empty : <EmptyView {...(empty as EmptyView)} />;
  return <>{children(query.data)}</>;
}
