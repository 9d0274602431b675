import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "../../lib/notify";
import { useRealtimeEvent } from "../../lib/realtime";
import { trpc } from "../../lib/trpc";

/** How many the bell's panel shows; the rest wait behind "Load more" there. */
export const BELL_PAGE = 10;

/** The bell's list and unread count, refreshed when a notification arrives or is read in another tab. */
export function useNotifications() {
  const queryClient = useQueryClient();
  useRealtimeEvent(["notification.created", "notification.read"], () => void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() }));
  return useQuery(trpc.notifications.list.queryOptions({ limit: BELL_PAGE }));
}

const invalidateList = (queryClient: ReturnType<typeof useQueryClient>) => queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.notifications.read.mutationOptions({
      onSuccess: () => invalidateList(queryClient),
      onError: (error) => notifyError(error, "Couldn't mark it read"),
    }),
  );
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.notifications.readAll.mutationOptions({
      onSuccess: () => invalidateList(queryClient),
      onError: (error) => notifyError(error, "Couldn't mark them read"),
    }),
  );
}

export function usePreferences() {
  return useQuery(trpc.notifications.preferences.queryOptions());
}

export function useUpdatePreference() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.notifications.updatePreferences.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.notifications.preferences.queryKey(), data);
        notifySuccess("Notification settings saved.");
      },
      onError: (error) => notifyError(error, "Couldn't save the setting"),
    }),
  );
}
