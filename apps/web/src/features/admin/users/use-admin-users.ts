import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { allItems, nextCursorOf } from "../../../lib/pages";
import { trpc } from "../../../lib/trpc";

export type ActiveFilter = "all" | "active" | "disabled";

export function useAdminUsers(q: string, status: ActiveFilter = "all") {
  // Typing in the search box shouldn't flash the table empty between answers.
  return useInfiniteQuery({
    ...trpc.users.admin.list.infiniteQueryOptions({ q: q || undefined, isActive: status === "all" ? undefined : status === "active", limit: 25 }, { getNextPageParam: nextCursorOf }),
    select: allItems,
    placeholderData: keepPreviousData,
  });
}

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.users.admin.update.mutationOptions({
      onSuccess: (user) => {
        notifySuccess(user.isActive ? `${user.username} can sign in again.` : `${user.username} is disabled; their sessions and API keys stopped working.`);
        return queryClient.invalidateQueries({ queryKey: trpc.users.admin.pathKey() });
      },
      onError: (error) => notifyError(error, "Couldn't update the user"),
    }),
  );
}

export function useAdminResetPassword() {
  return useMutation(
    trpc.users.admin.resetPassword.mutationOptions({
      onSuccess: (user) => notifySuccess(`${user.username}'s password was reset; their sessions ended.`, "Password reset"),
    }),
  );
}
