/** Helpers for the api's `{ items, nextCursor }` pages under TanStack's infinite queries. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function nextCursorOf<T>(last: Page<T>): string | undefined {
  return last.nextCursor ?? undefined;
}

/**
 * Every loaded page's items as one list: the `select` of every cursor list, spread after
 * `trpc.x.list.infiniteQueryOptions(input, { getNextPageParam: nextCursorOf })` (tRPC's own `select` option keeps the pages).
 */
export function allItems<T>(data: { pages: Page<T>[] }): T[] {
  return data.pages.flatMap((p) => p.items);
}

