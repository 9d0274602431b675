import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../../../lib/notify";
import { allItems, nextCursorOf } from "../../../lib/pages";
import { api, trpc, type Job } from "../../../lib/trpc";
import { isActive, type JobStatus } from "../../jobs/job-labels";

const ACTIVE_POLL_MS = 2_000;
const IDLE_POLL_MS = 10_000;
const QUEUES_POLL_MS = 3_000;

/** Jobs across every tenant. Polled: faster while something is moving, slowly otherwise (new jobs arrive from anyone). */
export function useSystemJobs(status: JobStatus | null) {
  return useInfiniteQuery({
    ...trpc.system.jobs.list.infiniteQueryOptions(
      { status: status ?? undefined, limit: 25 },
      { getNextPageParam: nextCursorOf, refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((j) => isActive(j.status))) ? ACTIVE_POLL_MS : IDLE_POLL_MS) },
    ),
    select: allItems,
    placeholderData: keepPreviousData,
  });
}

export function useQueueStatus() {
  return useQuery(trpc.system.jobs.queues.queryOptions({}, { refetchInterval: QUEUES_POLL_MS }));
}

/** Staff: queue a failed or cancelled job again under the same id. */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.system.jobs.retry.mutationKey(),
    mutationFn: (job: Pick<Job, "id">) => api.system.jobs.retry.mutate({ id: job.id }),
    onSuccess: () => {
      notifySuccess("The job is back in the queue.", "Job retried");
      return queryClient.invalidateQueries({ queryKey: trpc.system.jobs.pathKey() });
    },
  });
}
