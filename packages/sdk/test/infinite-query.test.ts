// The SPA's lists are TanStack infinite queries over this client. TanStack hands the query function a
// `direction` next to the page param, and tRPC's TanStack integration sends it with the input; the
// api's strict inputs take it (lists page forward), so the client no longer strips it.
import { InfiniteQueryObserver, QueryClient } from "@tanstack/query-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { AtriumError, createClient, type AtriumClient } from "../src/index.js";

let api: TestApi;
let client: AtriumClient;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  const { token } = await createClient({ baseUrl: api.url }).auth.token.mutate({ username: "admin", password: "admin123" });
  client = createClient({ baseUrl: api.url, token });
});
afterAll(() => api?.close());

describe("an infinite query over the SDK client", () => {
  it("pages a list with TanStack's direction in every request", async () => {
    for (const notes of ["a", "b", "c"]) await client.inviteKeys.create.mutate({ notes });
    const sent: unknown[] = [];
    const queryClient = new QueryClient();
    const observer = new InfiniteQueryObserver(queryClient, {
      queryKey: ["inviteKeys.list"],
      initialPageParam: undefined as string | undefined,
      // What @trpc/tanstack-react-query's infiniteQueryOptions does: the input, the cursor, and the direction.
      queryFn: ({ pageParam, direction }) => {
        // TanStack types it "forward" | "backward"; only fetchPreviousPage sends "backward", which lists don't offer.
        const input = { limit: 2, status: "active" as const, cursor: pageParam, direction: direction as "forward" };
        sent.push(input);
        return client.inviteKeys.list.query(input);
      },
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    });
    await observer.refetch();
    const result = await observer.fetchNextPage();
    queryClient.clear();

    expect(result.error).toBeNull();
    expect(result.data?.pages.flatMap((p) => p.items.map((k) => k.notes))).toEqual(["c", "b", "a"]);
    expect(sent).toEqual([expect.objectContaining({ direction: "forward" }), expect.objectContaining({ direction: "forward" })]);
  });

  it("a backward page is refused by name: lists page forward only", async () => {
    const error = await client.inviteKeys.list.query({ limit: 2, direction: "backward" as "forward" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtriumError);
    expect((error as AtriumError).fieldErrors?.direction?.[0]).toMatch(/forward only/);
  });
});
