import { Paper, Table, type TableTdProps } from "@mantine/core";
import type { ReactNode } from "react";
import { ListSkeleton } from "./list-skeleton";
import { LoadMore } from "./load-more";
import { QueryState, type EmptyView, type QueryLike } from "./query-state";

export interface Column<T> {
  /** Header text; omit for an action column. */
  header?: ReactNode;
  cell: (row: T) => ReactNode;
  /** Per-cell props (alignment, weight, a data-testid the e2e tests read). */
  td?: TableTdProps | ((row: T) => TableTdProps & Record<string, unknown>);
}

/** An infinite query's paging controls; absent for one-page lists. */
interface Paging {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

interface DataTableProps<T> {
  query: QueryLike<T[]> & Partial<Paging>;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Attributes of each row (data-testid, data-status, an onClick). */
  rowProps?: (row: T) => Record<string, unknown>;
  errorTitle: string;
  loadingLabel?: string;
  loadingRows?: number;
  empty: EmptyView;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  /** Drop the bordered card around the table (it already sits in one). */
  bare?: boolean;
  loadMoreLabel?: string;
}

/** The one list view: skeleton, error with retry, empty state, rows, and "Load more" for cursor pages. */
export function DataTable<T>({ query, columns, rowKey, rowProps, errorTitle, loadingLabel, loadingRows = 3, empty, minWidth = 640, bare, loadMoreLabel }: DataTableProps<T>) {
  const body = (
    <QueryState query={query} errorTitle={errorTitle} empty={empty} loading={<ListSkeleton rows={loadingRows} label={loadingLabel} />}>
      {(rows) => (
        <>
          <Table.ScrollContainer minWidth={minWidth}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c, i) => (
                    <Table.Th key={i}>{c.header}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
                    {columns.map((c, i) => (
                      <Table.Td key={i} {...(typeof c.td === "function" ? c.td(row) : c.td)}>
                        {c.cell(row)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {query.fetchNextPage && (
            <LoadMore hasNextPage={query.hasNextPage ?? false} isFetchingNextPage={query.isFetchingNextPage ?? false} fetchNextPage={query.fetchNextPage} label={loadMoreLabel} />
          )}
        </>
      )}
    </QueryState>
  );
  if (bare) return body;
  // The error alert needs room around it; the table runs edge to edge.
  return (
    <Paper withBorder radius="md" p={query.isError ? "md" : 0}>
      {body}
    </Paper>
  );
}
