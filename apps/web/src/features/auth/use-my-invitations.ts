import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "../../lib/notify";
import { queryKeys } from "../../lib/query-keys";
import { api, type MyInvitation } from "../../lib/trpc";

/** Invitations addressed to the signed-in user's confirmed address (none while it is unconfirmed). */
export function useMyInvitations() {
  return useQuery({ queryKey: queryKeys.myInvitations, queryFn: () => api.invitations.mine.query(), staleTime: 30_000 });
}

/** Accept or decline one of them; accepting changes what the user is a member of. */
export function useRespondToInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ invitation, answer }: { invitation: MyInvitation; answer: "accept" | "decline" }) => {
      if (answer === "accept") await api.invitations.accept.mutate({ invitationId: invitation.id });
      else await api.invitations.decline.mutate({ invitationId: invitation.id });
    },
    onSuccess: async (_, { invitation, answer }) => {
      notifySuccess(answer === "accept" ? `You joined ${invitation.organizationName}.` : `Invitation to ${invitation.organizationName} declined.`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.myInvitations }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myMemberships }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
      ]);
    },
    onError: (error) => notifyError(error, "Couldn't answer the invitation"),
  });
}

/** Mails a fresh confirmation link to the signed-in user's address. */
export function useResendVerification() {
  return useMutation({
    mutationFn: () => api.email.resend.mutate(),
    onSuccess: (r) => notifySuccess(r.message, "Confirmation email sent"),
    onError: (error) => notifyError(error, "Couldn't send the confirmation email"),
  });
}
