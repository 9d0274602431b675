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

interface ListCardProps<T> {
  query: QueryLike<T[]> & Partial<Paging>;
  errorTitle: string;
  loadingLabel?: string;
  loadingRows?: number;
  empty: EmptyView | ReactNode;
  loadMoreLabel?: string;
  children: (rows: T[]) => ReactNode;
}

/**
 * The one list card: skeleton rows, the error with "Try again", the empty state, the rows (drawn by
 * `children`), and "Load more" while the cursor has pages left.
 */
export function ListCard<T>({ query, errorTitle, loadingLabel, loadingRows = 3, empty, loadMoreLabel, children }: ListCardProps<T>) {
  return (
    // The error alert needs room around it; a table runs edge to edge.
    <Paper withBorder radius="md" p={query.isError ? "md" : 0}>
      <QueryState query={query} errorTitle={errorTitle} empty={empty} loading={<ListSkeleton rows={loadingRows} label={loadingLabel} />}>
        {(rows) => (
          <>
            {children(rows)}
            {query.fetchNextPage && (
              <LoadMore hasNextPage={query.hasNextPage ?? false} isFetchingNextPage={query.isFetchingNextPage ?? false} fetchNextPage={query.fetchNextPage} label={loadMoreLabel} />
            )}
          </>
        )}
      </QueryState>
    </Paper>
  );
}

interface DataTableProps<T> extends Omit<ListCardProps<T>, "children"> {
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Attributes of each row (data-testid, data-status, an onClick). */
  rowProps?: (row: T) => Record<string, unknown>;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
}

/** A ListCard whose rows are a table described by its columns. */
export function DataTable<T>({ columns, rowKey, rowProps, minWidth = 640, ...card }: DataTableProps<T>) {
  return (
    <ListCard {...card}>
      {(rows) => (
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
      )}
    </ListCard>
  );
}
