import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifyError } from "../../lib/notify";
import { queryKeys } from "../../lib/query-keys";
import { api } from "../../lib/trpc";

export function useNotes() {
  return useQuery({ queryKey: queryKeys.notes, queryFn: () => api.notes.list.query() });
}

export function useCreateNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.notes.create.mutate({ body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notes }),
  });
}

export function useDeleteNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.notes.delete.mutate({ id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notes }),
    onError: (error) => notifyError(error, "Couldn't delete the note"),
  });
}
