/** One page of any cursor list: `{ items, nextCursor }`, nextCursor null on the last page. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

type PageFn<I, T> = (input: I, opts?: { signal?: AbortSignal }) => Promise<CursorPage<T>>;

/** A list procedure (`client.documents.list`) or any function from an input with a cursor to a page. */
export type PageSource<I, T> = { query: PageFn<I, T> } | PageFn<I, T>;

/**
 * Every item of a cursor list, fetching the next page only when the loop gets there:
 * `for await (const doc of paginate(client.documents.list, { limit: 100 })) ...`.
 * Breaking out of the loop fetches nothing more.
 */
export async function* paginate<I extends { cursor?: string }, T>(
  source: PageSource<I, T>,
  input: NoInfer<Omit<I, "cursor">> = {} as Omit<I, "cursor">,
  opts: { signal?: AbortSignal } = {},
): AsyncGenerator<T, void, undefined> {
  // A tRPC procedure is a callable proxy with every property: ask for `.query`, and never `.bind` it.
  const procedure = (source as { query?: unknown }).query;
  const fetchPage: PageFn<I, T> = typeof procedure === "function" ? (i, o) => (source as { query: PageFn<I, T> }).query(i, o) : (source as PageFn<I, T>);
  let cursor: string | undefined;
  do {
    const page = await fetchPage({ ...input, ...(cursor ? { cursor } : {}) } as I, opts);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
