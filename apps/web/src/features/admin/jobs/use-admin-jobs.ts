import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../../../lib/notify";
import { allItems, nextCursorOf } from "../../../lib/pages";
import { useLiveInvalidate } from "../../../lib/live";
import { api, trpc, type Job } from "../../../lib/trpc";
import type { JobStatus } from "../../jobs/job-labels";

/**
 * Jobs across every tenant, live: any job of anyone created or moved (staff's `system.job.changed`)
 * refetches the list, at most twice a second however busy the platform is.
 */
export function useSystemJobs(status: JobStatus | null) {
  useLiveInvalidate(["system.job.changed"], trpc.system.jobs.list.pathKey());
  return useInfiniteQuery({
    ...trpc.system.jobs.list.infiniteQueryOptions({ status: status ?? undefined, limit: 25 }, { getNextPageParam: nextCursorOf }),
    select: allItems,
    placeholderData: keepPreviousData,
  });
}

/** Queue depths move with the jobs: refetched on the same events, less often (it asks Redis for every queue). */
export function useQueueStatus() {
  useLiveInvalidate(["system.job.changed"], trpc.system.jobs.queues.pathKey(), { throttleMs: 2_000 });
  return useQuery(trpc.system.jobs.queues.queryOptions({}));
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
