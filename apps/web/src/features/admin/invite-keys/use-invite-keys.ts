import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { TCreateInviteKeyInput, TInviteKeyStatus } from "@atrium/sdk";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { allItems, firstPage, nextCursorOf } from "../../../lib/pages";
import { queryKeys } from "../../../lib/query-keys";
import { api } from "../../../lib/trpc";

export function useInviteKeys(status: TInviteKeyStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.admin.inviteKeys, status ?? "all"],
    queryFn: ({ pageParam }) => api.inviteKeys.list.query({ status, cursor: pageParam, limit: 25 }),
    initialPageParam: firstPage,
    getNextPageParam: nextCursorOf,
    select: allItems,
  });
}

export function useCreateInviteKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateInviteKeyInput) => api.inviteKeys.create.mutate(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.admin.inviteKeys }),
  });
}

export function useRevokeInviteKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.inviteKeys.revoke.mutate({ id }),
    onSuccess: (key) => {
      notifySuccess(`Invite key ${key.prefix}… revoked.`);
      return queryClient.invalidateQueries({ queryKey: queryKeys.admin.inviteKeys });
    },
    onError: (error) => notifyError(error, "Couldn't revoke the invite key"),
  });
}
