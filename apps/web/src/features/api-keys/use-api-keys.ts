import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TCreateApiKeyInput } from "@atrium/sdk";
import { notifyError, notifySuccess } from "../../lib/notify";
import { queryKeys } from "../../lib/query-keys";
import { api } from "../../lib/trpc";

export function useApiKeys() {
  return useQuery({ queryKey: queryKeys.apiKeys, queryFn: () => api.apiKeys.list.query() });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateApiKeyInput) => api.apiKeys.create.mutate(input),
    onSuccess: (key) => {
      notifySuccess(`Key “${key.name}” created.`);
      return queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys });
    },
    // Errors are shown inside the dialog, next to the fields.
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.apiKeys.revoke.mutate({ id }),
    onSuccess: (key) => {
      notifySuccess(`Key “${key.name}” revoked.`);
      return queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys });
    },
    onError: (error) => notifyError(error, "Couldn't revoke the key"),
  });
}
