import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "../../lib/notify";
import { api, trpc, type MyInvitation } from "../../lib/trpc";

/** Invitations addressed to the signed-in user's confirmed address (none while it is unconfirmed). */
export function useMyInvitations() {
  return useQuery(trpc.invitations.mine.queryOptions(undefined, { staleTime: 30_000 }));
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
        queryClient.invalidateQueries({ queryKey: trpc.invitations.mine.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.accounts.memberships.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.auth.me.pathKey() }),
      ]);
    },
    onError: (error) => notifyError(error, "Couldn't answer the invitation"),
  });
}

/** Mails a fresh confirmation link to the signed-in user's address. */
export function useResendVerification() {
  return useMutation(
    trpc.email.resend.mutationOptions({
      onSuccess: (r) => notifySuccess(r.message, "Confirmation email sent"),
      onError: (error) => notifyError(error, "Couldn't send the confirmation email"),
    }),
  );
}
