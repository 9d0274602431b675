import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { TInviteKeyStatus } from "@atrium/sdk";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { allItems, nextCursorOf } from "../../../lib/pages";
import { trpc } from "../../../lib/trpc";

export function useInviteKeys(status: TInviteKeyStatus | undefined) {
  return useInfiniteQuery({ ...trpc.inviteKeys.list.infiniteQueryOptions({ status, limit: 25 }, { getNextPageParam: nextCursorOf }), select: allItems, placeholderData: keepPreviousData });
}

export function useCreateInviteKey() {
  const queryClient = useQueryClient();
  return useMutation(trpc.inviteKeys.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.inviteKeys.pathKey() }) }));
}

export function useRevokeInviteKey() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.inviteKeys.revoke.mutationOptions({
      onSuccess: (key) => {
        notifySuccess(`Invite key ${key.prefix}… revoked.`);
        return queryClient.invalidateQueries({ queryKey: trpc.inviteKeys.pathKey() });
      },
      onError: (error) => notifyError(error, "Couldn't revoke the invite key"),
    }),
  );
}
