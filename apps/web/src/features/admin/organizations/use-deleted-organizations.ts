import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../../../lib/notify";
import { allItems, nextCursorOf } from "../../../lib/pages";
import { trpc } from "../../../lib/trpc";

export function useDeletedOrganizations() {
  return useInfiniteQuery({ ...trpc.organizations.listDeleted.infiniteQueryOptions({ limit: 25 }, { getNextPageParam: nextCursorOf }), select: allItems });
}

export function useRestoreOrganization() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.organizations.restore.mutationOptions({
      onSuccess: (org) => {
        notifySuccess(`${org.name} is back, with its teams.`, "Organization restored");
        // Its members see it in their switcher again.
        return queryClient.invalidateQueries();
      },
    }),
  );
}
