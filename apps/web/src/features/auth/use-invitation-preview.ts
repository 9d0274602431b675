import { skipToken, useQuery } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";

/** What an invitation link offers; public, so the signup page can show it before there is an account. */
export function useInvitationPreview(token: string | null) {
  return useQuery(trpc.invitations.get.queryOptions(token ? { token } : skipToken, { staleTime: 5 * 60_000 }));
}
