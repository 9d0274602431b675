import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TCreateFlagInput, TUpdateFlagInput } from "@atrium/sdk";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { queryKeys } from "../../../lib/query-keys";
import { api } from "../../../lib/trpc";

export function useFlags() {
  return useQuery({ queryKey: queryKeys.admin.flags, queryFn: () => api.flags.list.query({}), select: (d) => d.items });
}

export function useFlag(key: string | null) {
  return useQuery({ queryKey: queryKeys.admin.flag(key ?? ""), queryFn: () => api.flags.get.query({ key: key ?? "" }), enabled: key !== null });
}

/** After any change: the list, the flag's history and the staff member's own evaluated flags. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.admin.flags }), queryClient.invalidateQueries({ queryKey: queryKeys.myFlags })]);
}

export function useCreateFlag() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: TCreateFlagInput) => api.flags.create.mutate(input),
    onSuccess: (flag) => {
      notifySuccess(`Flag ${flag.key} created.`);
      return invalidate();
    },
  });
}

export function useUpdateFlag() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: TUpdateFlagInput) => api.flags.update.mutate(input),
    onSuccess: (flag) => {
      notifySuccess(`Flag ${flag.key} saved.`);
      return invalidate();
    },
  });
}

export function useDeleteFlag() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (key: string) => api.flags.delete.mutate({ key }),
    onSuccess: (flag) => {
      notifySuccess(`Flag ${flag.key} deleted.`);
      return invalidate();
    },
    onError: (error) => notifyError(error, "Couldn't delete the flag"),
  });
}
