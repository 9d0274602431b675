import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { useLiveInvalidate } from "../../../lib/live";
import { trpc } from "../../../lib/trpc";

/** A backup runs on the worker; the stream says when one starts, ends or fails, so "back up now" shows up when done. */
export function useBackups() {
  useLiveInvalidate(["system.backup.changed"], trpc.system.backup.list.pathKey());
  return useQuery(trpc.system.backup.list.queryOptions({}));
}

export function useVerifyBackup() {
  return useMutation(trpc.system.backup.verify.mutationOptions({ onError: (error) => notifyError(error, "Couldn't verify the backup") }));
}

export function useBackUpNow() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.system.backup.create.mutationOptions({
      onSuccess: () => {
        notifySuccess("The worker is writing a full backup; it appears here when finished.", "Backup started");
        return queryClient.invalidateQueries({ queryKey: trpc.system.backup.list.pathKey() });
      },
      onError: (error) => notifyError(error, "Couldn't start a backup"),
    }),
  );
}

/** The tar.gz of one backup; a plain link, so the browser streams it to disk with the session cookie. */
export const backupDownloadUrl = (name: string) => `/api/system/backups/${encodeURIComponent(name)}/download/`;
