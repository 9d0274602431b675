import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { RouterInputs } from "@atrium/sdk";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { allItems, firstPage, nextCursorOf } from "../../../lib/pages";
import { queryKeys } from "../../../lib/query-keys";
import { api } from "../../../lib/trpc";

export type ActiveFilter = "all" | "active" | "disabled";

export function useAdminUsers(q: string, status: ActiveFilter = "all") {
  return useInfiniteQuery({
    queryKey: [...queryKeys.admin.users(q), status],
    queryFn: ({ pageParam }) =>
      api.users.admin.list.query({ q: q || undefined, isActive: status === "all" ? undefined : status === "active", cursor: pageParam, limit: 25 }),
    initialPageParam: firstPage,
    getNextPageParam: nextCursorOf,
    select: allItems,
    // Typing in the search box shouldn't flash the table empty between answers.
    placeholderData: (previous) => previous,
  });
}

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) => api.users.admin.update.mutate({ id, isActive }),
    onSuccess: (user) => {
      notifySuccess(user.isActive ? `${user.username} can sign in again.` : `${user.username} is disabled; their sessions and API keys stopped working.`);
      return queryClient.invalidateQueries({ queryKey: queryKeys.admin.allUsers });
    },
    onError: (error) => notifyError(error, "Couldn't update the user"),
  });
}

export function useAdminResetPassword() {
  return useMutation({
    mutationFn: (input: RouterInputs["users"]["admin"]["resetPassword"]) => api.users.admin.resetPassword.mutate(input),
    onSuccess: (user) => notifySuccess(`${user.username}'s password was reset; their sessions ended.`, "Password reset"),
  });
}
