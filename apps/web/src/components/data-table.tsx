import { Group, Loader, Paper, Table, Text, Title, type TableTdProps, type TableThProps } from "@mantine/core";
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
  /** Header-cell props (width, alignment). */
  th?: TableThProps;
}

/** An infinite query's paging controls; absent for one-page lists. */
interface Paging {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  isFetching: boolean;
}

interface ListCardProps<T> {
  query: QueryLike<T[]> & Partial<Paging>;
  /** The card's own heading row: a title, a line under it, and controls (filters) on the right. */
  title?: ReactNode;
  description?: ReactNode;
  controls?: ReactNode;
  /** A small spinner by the title while a refetch runs (lists that refresh themselves). */
  showRefreshing?: boolean;
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
export function ListCard<T>({ query, title, description, controls, showRefreshing, errorTitle, loadingLabel, loadingRows = 3, empty, loadMoreLabel, children }: ListCardProps<T>) {
  const refetching = !!query.isFetching && !query.isPending && !query.isFetchingNextPage;
  return (
    <Paper withBorder radius="md">
      {(title || controls) && (
        <Group justify="space-between" p="md" wrap="wrap" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
          <div>
            <Group gap="xs">
              {title && <Title order={4}>{title}</Title>}
              {showRefreshing && refetching && <Loader size="xs" aria-label="Refreshing" />}
            </Group>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          {controls}
        </Group>
      )}
      {/* The error alert needs room around it; a table runs edge to edge. */}
      <div style={query.isError ? { padding: "var(--mantine-spacing-md)" } : undefined} aria-busy={refetching}>
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
      </div>
    </Paper>
  );
}

interface RowsTableProps<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Attributes of each row (data-testid, data-status, an onClick). */
  rowProps?: (row: T) => Record<string, unknown>;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  verticalSpacing?: "xs" | "sm";
  /** A totals row under the rows (Table.Th cells). */
  footer?: ReactNode;
}

/** The table markup of every list, described by its columns; for a table inside a card of its own (a report). */
export function RowsTable<T>({ rows, columns, rowKey, rowProps, minWidth = 640, verticalSpacing = "sm", footer }: RowsTableProps<T>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing={verticalSpacing} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={i} {...c.th}>
                {c.header}
              </Table.Th>
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
        {footer && (
          <Table.Tfoot>
            <Table.Tr>{footer}</Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

type DataTableProps<T> = Omit<ListCardProps<T>, "children"> & Omit<RowsTableProps<T>, "rows" | "footer" | "verticalSpacing">;

/** A ListCard whose rows are a table described by its columns. */
export function DataTable<T>({ columns, rowKey, rowProps, minWidth, ...card }: DataTableProps<T>) {
  return <ListCard {...card}>{(rows) => <RowsTable rows={rows} columns={columns} rowKey={rowKey} rowProps={rowProps} minWidth={minWidth} />}</ListCard>;
}
