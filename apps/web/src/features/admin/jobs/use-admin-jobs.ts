import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../../../lib/notify";
import type { Job } from "../../../lib/trpc";
import { allItems, firstPage, nextCursorOf } from "../../../lib/pages";
import { queryKeys } from "../../../lib/query-keys";
import { api } from "../../../lib/trpc";
import { isActive, type JobStatus } from "../../jobs/job-labels";

const ACTIVE_POLL_MS = 2_000;
const IDLE_POLL_MS = 10_000;
const QUEUES_POLL_MS = 3_000;

/** Jobs across every tenant. Polled: faster while something is moving, slowly otherwise (new jobs arrive from anyone). */
export function useSystemJobs(status: JobStatus | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.admin.jobs({ status }),
    queryFn: ({ pageParam }) => api.system.jobs.list.query({ status: status ?? undefined, cursor: pageParam, limit: 25 }),
    initialPageParam: firstPage,
    getNextPageParam: nextCursorOf,
    select: allItems,
    placeholderData: (previous) => previous,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((j) => isActive(j.status))) ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  });
}

export function useQueueStatus() {
  return useQuery({
    queryKey: queryKeys.admin.queues,
    queryFn: () => api.system.jobs.queues.query({}),
    refetchInterval: QUEUES_POLL_MS,
  });
}

/** Staff: queue a failed or cancelled job again under the same id. */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (job: Pick<Job, "id">) => api.system.jobs.retry.mutate({ id: job.id }),
    onSuccess: () => {
      notifySuccess("The job is back in the queue.", "Job retried");
      return queryClient.invalidateQueries({ queryKey: queryKeys.admin.allJobs });
    },
  });
}
