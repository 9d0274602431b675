import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "../../lib/notify";
import { allItems, nextCursorOf } from "../../lib/pages";
import { trpc } from "../../lib/trpc";

/** The account's members with their recruiting role (account admins see them all). */
export function useAccountMembers(accountId: string) {
  return useInfiniteQuery({ ...trpc.accounts.listMembers.infiniteQueryOptions({ id: accountId, limit: 50 }, { getNextPageParam: nextCursorOf }), select: allItems, enabled: accountId !== "" });
}

export function useSetRecruitingRole(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.accounts.updateMember.mutationOptions({
      onSuccess: (m) => {
        notifySuccess(`${m.displayName ?? m.username} is ${m.recruitingRole ? `now a ${m.recruitingRole === "recruiter" ? "recruiter" : "hiring manager"}` : "no longer on the hiring team"}.`, "Hiring team updated");
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.accounts.listMembers.queryKey({ id: accountId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.accounts.listMembers.pathKey() }),
          // Their own rights may have changed (an admin giving themselves a role changes nothing, but costs nothing).
          queryClient.invalidateQueries({ queryKey: trpc.accounts.memberships.pathKey() }),
        ]);
      },
      onError: (error) => notifyError(error, "Couldn't change the recruiting role"),
    }),
  );
}
