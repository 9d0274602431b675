/** Helpers for the api's `{ items, nextCursor }` pages under TanStack's infinite queries. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const firstPage = undefined as string | undefined;

export function nextCursorOf<T>(last: Page<T>): string | undefined {
  return last.nextCursor ?? undefined;
}

/** Every loaded page's items as one list (use as the query's `select`). */
export function allItems<T>(data: { pages: Page<T>[] }): T[] {
  return data.pages.flatMap((p) => p.items);
}
