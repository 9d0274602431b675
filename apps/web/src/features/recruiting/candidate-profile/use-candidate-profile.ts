import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLiveInvalidate } from "../../../lib/live";
import { notifySuccess } from "../../../lib/notify";
import type { RouterOutputs } from "@atrium/sdk";
import { trpc } from "../../../lib/trpc";

export type CandidateProfile = RouterOutputs["recruiting"]["profile"]["get"];

/**
 * The candidate's profile, live: the worker's fill announces itself (`candidate_profile.changed`), and the
 * parse job's moves (`job.updated`, queued → running → success) refresh its progress without polling.
 */
export function useCandidateProfile() {
  const query = useQuery(trpc.recruiting.profile.get.queryOptions());
  const jobId = query.data?.parse?.jobId;
  useLiveInvalidate(["candidate_profile.changed"], trpc.recruiting.profile.get.queryKey(), { throttleMs: 0 });
  useLiveInvalidate(["job.updated"], trpc.recruiting.profile.get.queryKey(), { when: (e) => e.jobId === jobId, throttleMs: 0 });
  return query;
}

/** The candidate's résumés (documents of kind resume in their own account), newest first. */
export function useMyResumes() {
  useLiveInvalidate(["document.updated"], trpc.documents.list.pathKey());
  return useQuery(trpc.documents.list.queryOptions({ kind: "resume", limit: 25 }));
}

export function useSaveCandidateProfile(onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.recruiting.profile.update.mutationOptions({
      onSuccess: (profile) => {
        queryClient.setQueryData(trpc.recruiting.profile.get.queryKey(), profile);
        notifySuccess("Employers you apply to will see it with your applications.", "Profile saved");
      },
      onError,
    }),
  );
}

export function useParseCandidateProfile() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.recruiting.profile.parse.mutationOptions({
      onSuccess: (profile) => queryClient.setQueryData(trpc.recruiting.profile.get.queryKey(), profile),
    }),
  );
}
