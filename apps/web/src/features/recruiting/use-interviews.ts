import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs, TInterviewWhen } from "@atrium/sdk";
import { notifyError, notifySuccess } from "../../lib/notify";
import { allItems, nextCursorOf } from "../../lib/pages";
import { useRealtimeEvent } from "../../lib/realtime";
import { trpc } from "../../lib/trpc";

export type Interview = RouterOutputs["recruiting"]["interviews"]["get"];
export type CandidateInterview = RouterOutputs["recruiting"]["interviews"]["candidate"]["items"][number];
export type InterviewFeedback = RouterOutputs["recruiting"]["interviews"]["feedback"]["items"][number];

/** Any interview change (or a transcription job finishing) refetches every interview view: they are small. */
function useLiveInterviews() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.recruiting.interviews.pathKey() });
  useRealtimeEvent(["interview.changed", "job.updated"], refresh);
  return refresh;
}

/** A page of interviews: most people have a handful; "Load more" brings the rest. */
const PAGE = 25;

export function useApplicationInterviews(applicationId: string) {
  useLiveInterviews();
  return useInfiniteQuery({ ...trpc.recruiting.interviews.list.infiniteQueryOptions({ applicationId, limit: PAGE }, { getNextPageParam: nextCursorOf }), select: allItems });
}

export function useInterviewerOptions(applicationId: string, enabled: boolean) {
  return useQuery(trpc.recruiting.interviews.interviewers.queryOptions({ applicationId }, { enabled, select: (r) => r.items }));
}

/** The interviews the caller sits on at one employer (the portal's), soonest first; asked once that employer is known. */
export function useMyInterviews(accountId: string | undefined) {
  useLiveInterviews();
  const input = { limit: PAGE, ...(accountId ? { accountId } : {}) };
  return useInfiniteQuery({ ...trpc.recruiting.interviews.mine.infiniteQueryOptions(input, { getNextPageParam: nextCursorOf, enabled: accountId !== undefined }), select: allItems });
}

/** The candidate's interviews: upcoming (soonest first) or past (newest first), of every application or of one. */
export function useCandidateInterviews(filter: { when?: TInterviewWhen; applicationId?: string }) {
  useLiveInterviews();
  return useInfiniteQuery({ ...trpc.recruiting.interviews.candidate.infiniteQueryOptions({ ...filter, limit: PAGE }, { getNextPageParam: nextCursorOf }), select: allItems });
}

export function useInterviewFeedback(id: string, enabled: boolean) {
  return useQuery(trpc.recruiting.interviews.feedback.queryOptions({ id }, { enabled, select: (r) => r.items }));
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.recruiting.interviews.pathKey() });
}

// Form errors are shown next to the fields, so these mutations only announce success.
export function useScheduleInterview() {
  const invalidate = useInvalidate();
  return useMutation(trpc.recruiting.interviews.schedule.mutationOptions({ onSuccess: () => (notifySuccess("The candidate is emailed the details.", "Interview scheduled"), invalidate()) }));
}

export function useRescheduleInterview() {
  const invalidate = useInvalidate();
  return useMutation(trpc.recruiting.interviews.reschedule.mutationOptions({ onSuccess: () => (notifySuccess("The candidate is asked to confirm again.", "Interview moved"), invalidate()) }));
}

export function useCancelInterview() {
  const invalidate = useInvalidate();
  return useMutation(
    trpc.recruiting.interviews.cancel.mutationOptions({
      onSuccess: () => (notifySuccess("The candidate is told by email.", "Interview cancelled"), invalidate()),
      onError: (error) => notifyError(error, "Couldn't cancel the interview"),
    }),
  );
}

export function useConfirmInterview() {
  const invalidate = useInvalidate();
  return useMutation(
    trpc.recruiting.interviews.confirm.mutationOptions({
      onSuccess: () => (notifySuccess("The employer sees your confirmation.", "Interview confirmed"), invalidate()),
      onError: (error) => notifyError(error, "Couldn't confirm the interview"),
    }),
  );
}

export function useSubmitFeedback() {
  const invalidate = useInvalidate();
  return useMutation(trpc.recruiting.interviews.submitFeedback.mutationOptions({ onSuccess: () => (notifySuccess("Your feedback is saved."), invalidate()) }));
}

export function useAttachRecording() {
  const invalidate = useInvalidate();
  return useMutation(
    trpc.recruiting.interviews.attachRecording.mutationOptions({
      onSuccess: () => (notifySuccess("The recording is being transcribed.", "Recording attached"), invalidate()),
      onError: (error) => notifyError(error, "Couldn't transcribe the recording"),
    }),
  );
}
