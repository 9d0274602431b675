import { keepPreviousData, skipToken, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../../lib/notify";
import { allItems, nextCursorOf } from "../../lib/pages";
import { api, trpc, type Job, type JobEvent } from "../../lib/trpc";
import { isActive, jobTypeLabel, type JobStatus, type JobType } from "./job-labels";

/** While anything is queued or running the list refreshes this often; then it stops. */
const LIST_POLL_MS = 2_000;
/** The open job's timeline fills in this often until the job ends. */
const DETAIL_POLL_MS = 1_000;

export interface JobFilters {
  status: JobStatus | null;
  type: JobType | null;
}

export type JobInput = { type: "document_analysis" | "worklog_summary" | "resume_parse" | "interview_transcription"; input: { documentId: string } } | { type: "resume_match"; input: { resumeDocumentId: string; jobDescriptionDocumentId: string } };

/** The estimate is a GET: its ids travel flat in the query string. */
const estimateInput = (job: JobInput) => ({ type: job.type, ...job.input });

export function useJobs(filters: JobFilters) {
  return useInfiniteQuery({
    ...trpc.jobs.list.infiniteQueryOptions(
      { status: filters.status ?? undefined, type: filters.type ?? undefined, limit: 25 },
      { getNextPageParam: nextCursorOf, refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((j) => isActive(j.status))) ? LIST_POLL_MS : false) },
    ),
    select: allItems,
    placeholderData: keepPreviousData,
  });
}

export function useJob(id: string) {
  return useQuery(trpc.jobs.get.queryOptions({ id }, { refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? DETAIL_POLL_MS : false) }));
}

/** The timeline so far, with the job's status and whether it has ended (then nothing more will come). */
export interface Timeline {
  events: JobEvent[];
  status: string;
  done: boolean;
}

/**
 * The timeline, fetched incrementally: each poll asks only for the events after
 * the last one it has (afterSeq) and appends them; polling stops once the
 * server says the job is done and every event is in. The cache holds the merged
 * timeline, not one page, so it lives under its own key beside tRPC's.
 */
export function useJobEvents(id: string) {
  const queryClient = useQueryClient();
  const key = [...trpc.jobs.events.pathKey(), { id, timeline: true }] as const;
  return useQuery({
    queryKey: key,
    queryFn: async (): Promise<Timeline> => {
      const known = queryClient.getQueryData<Timeline>(key)?.events ?? [];
      const page = await api.jobs.events.query({ id, afterSeq: known.at(-1)?.seq ?? 0 });
      // A retried request can repeat what is already on screen.
      const seen = new Set(known.map((e) => e.seq));
      return { events: [...known, ...page.items.filter((e) => !seen.has(e.seq))], status: page.status, done: page.done };
    },
    refetchInterval: (query) => (query.state.data?.done ? false : DETAIL_POLL_MS),
    // Only the poll refreshes it: a plain refetch would still append, but needs no reason to run.
    staleTime: Infinity,
  });
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.jobs.cancel.mutationKey(),
    // The type rides along for the toast.
    mutationFn: (job: Pick<Job, "id" | "type">) => api.jobs.cancel.mutate({ id: job.id }),
    onSuccess: (_result, job) => {
      notifySuccess(`The ${jobTypeLabel(job.type).toLowerCase()} will stop at its next step.`, "Cancel requested");
      return queryClient.invalidateQueries({ queryKey: trpc.jobs.pathKey() });
    },
  });
}

/** The cost estimate and the low-balance policy's verdict, asked again when the input changes. */
export function useJobEstimate(job: JobInput | null) {
  return useQuery(trpc.jobs.estimate.queryOptions(job ? estimateInput(job) : skipToken, { placeholderData: keepPreviousData, staleTime: 0 }));
}

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation(trpc.jobs.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.jobs.pathKey() }) }));
}
