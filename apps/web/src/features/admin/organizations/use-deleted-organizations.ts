import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../../../lib/notify";
import { allItems, firstPage, nextCursorOf } from "../../../lib/pages";
import { queryKeys } from "../../../lib/query-keys";
import { api } from "../../../lib/trpc";

export function useDeletedOrganizations() {
  return useInfiniteQuery({
    queryKey: queryKeys.admin.deletedOrganizations,
    queryFn: ({ pageParam }) => api.organizations.listDeleted.query({ cursor: pageParam, limit: 25 }),
    initialPageParam: firstPage,
    getNextPageParam: nextCursorOf,
    select: allItems,
  });
}

export function useRestoreOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.organizations.restore.mutate({ id }),
    onSuccess: (org) => {
      notifySuccess(`${org.name} is back, with its teams.`, "Organization restored");
      // Its members see it in their switcher again.
      return queryClient.invalidateQueries();
    },
  });
}
