import { keepPreviousData, skipToken, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { notifySuccess } from "../../lib/notify";
import { allItems, nextCursorOf } from "../../lib/pages";
import { refetchAfterEvent, useLiveInvalidate } from "../../lib/live";
import { useRealtimeEvent } from "../../lib/realtime";
import { api, trpc, type Job, type JobEvent } from "../../lib/trpc";
import { isActive, jobTypeLabel, type JobStatus, type JobType } from "./job-labels";

export interface JobFilters {
  status: JobStatus | null;
  type: JobType | null;
}

export type JobInput = { type: "document_analysis" | "worklog_summary" | "resume_parse" | "interview_transcription"; input: { documentId: string } } | { type: "resume_match"; input: { resumeDocumentId: string; jobDescriptionDocumentId: string } };

/** The estimate is a GET: its ids travel flat in the query string. */
const estimateInput = (job: JobInput) => ({ type: job.type, ...job.input });

/** The account's jobs; live: any job of the account that changes status (or is created) refetches the list. */
export function useJobs(filters: JobFilters) {
  useLiveInvalidate(["job.updated"], trpc.jobs.list.pathKey());
  return useInfiniteQuery({
    ...trpc.jobs.list.infiniteQueryOptions({ status: filters.status ?? undefined, type: filters.type ?? undefined, limit: 25 }, { getNextPageParam: nextCursorOf }),
    select: allItems,
    placeholderData: keepPreviousData,
  });
}

/** One job; refetched when the stream says its status moved (staff hear of other accounts' jobs on their own topic). */
export function useJob(id: string) {
  useLiveInvalidate(["job.updated", "system.job.changed"], trpc.jobs.get.queryKey({ id }), { when: (e) => e.jobId === id, throttleMs: 100 });
  return useQuery(trpc.jobs.get.queryOptions({ id }));
}

/** The timeline so far, with the job's status and whether it has ended (then nothing more will come). */
export interface Timeline {
  events: JobEvent[];
  status: string;
  done: boolean;
}

/** Appends streamed events in seq order, once each (a refetch after a reconnect can bring them again). */
export function mergeEvents(known: JobEvent[], more: JobEvent[]): JobEvent[] {
  const seen = new Set(known.map((e) => e.seq));
  const fresh = more.filter((e) => !seen.has(e.seq));
  return fresh.length ? [...known, ...fresh].sort((a, b) => a.seq - b.seq) : known;
}

/**
 * The timeline: fetched once, then grown by the stream's `job.event`s, appended
 * to the cache without a request. A fetch (the first, one after a reconnect, or
 * one when the stream shows a gap) asks only for the events after the last one
 * it has (afterSeq). When the job ends it is fetched once more, so the final
 * events and `done` come from the server even if the stream raced the first
 * fetch. Staff watching another account's job get only its status changes
 * (staff topic): its timeline fills in when it ends. The cache holds the
 * merged timeline, not one page, so it lives under its own key beside tRPC's.
 */
export function useJobEvents(id: string) {
  const queryClient = useQueryClient();
  const key = [...trpc.jobs.events.pathKey(), { id, timeline: true }] as const;
  const catchUp = () => void refetchAfterEvent(queryClient, { queryKey: key, exact: true });
  // The end arrives twice for staff (their account's topic and staff's): one catch-up is enough.
  const ended = useRef(false);
  useRealtimeEvent(["job.event", "job.updated", "system.job.changed"], (e) => {
    // candidate_profile.changed names its parse job `parseJobId`, so it never reaches here.
    if (!("jobId" in e) || e.jobId !== id) return;
    const current = queryClient.getQueryData<Timeline>(key);
    // Not loaded yet (the first fetch in flight may have read before this one: read again), or a gap: ask for what's after the last seq.
    if (!current) return catchUp();
    if (e.type === "job.event") {
      if (e.event.seq > (current.events.at(-1)?.seq ?? 0) + 1) return catchUp();
      return queryClient.setQueryData<Timeline>(key, { ...current, events: mergeEvents(current.events, [e.event]) });
    }
    if (isActive(e.status)) {
      // Running again (a staff retry) ends again later.
      ended.current = false;
      return queryClient.setQueryData<Timeline>(key, { ...current, status: e.status, done: false });
    }
    if (!ended.current) {
      ended.current = true;
      catchUp();
    }
  });
  return useQuery({
    queryKey: key,
    queryFn: async (): Promise<Timeline> => {
      const known = queryClient.getQueryData<Timeline>(key)?.events ?? [];
      const page = await api.jobs.events.query({ id, afterSeq: known.at(-1)?.seq ?? 0 });
      // Streamed events may have landed while this was in flight: merge with the cache as it is now.
      const now = queryClient.getQueryData<Timeline>(key)?.events ?? known;
      return { events: mergeEvents(now, page.items), status: page.status, done: page.done };
    },
    // Only the stream (or a catch-up it asks for) refreshes it.
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
