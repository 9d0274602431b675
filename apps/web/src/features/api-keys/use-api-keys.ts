import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "../../lib/notify";
import { trpc } from "../../lib/trpc";

export function useApiKeys() {
  return useQuery(trpc.apiKeys.list.queryOptions(undefined, { select: (page) => page.items }));
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: (key) => {
        notifySuccess(`Key “${key.name}” created.`);
        return queryClient.invalidateQueries({ queryKey: trpc.apiKeys.pathKey() });
      },
      // Errors are shown inside the dialog, next to the fields.
    }),
  );
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: (key) => {
        notifySuccess(`Key “${key.name}” revoked.`);
        return queryClient.invalidateQueries({ queryKey: trpc.apiKeys.pathKey() });
      },
      onError: (error) => notifyError(error, "Couldn't revoke the key"),
    }),
  );
}
