import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "../../lib/query-keys";
import { api } from "../../lib/trpc";

/** What an invitation link offers; public, so the signup page can show it before there is an account. */
export function useInvitationPreview(token: string | null) {
  return useQuery({
    queryKey: queryKeys.invitationPreview(token ?? ""),
    queryFn: () => api.invitations.get.query({ token: token ?? "" }),
    enabled: !!token,
    staleTime: 5 * 60_000,
  });
}
