import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { trpc } from "../../../lib/trpc";

export function useFlags() {
  return useQuery(trpc.flags.list.queryOptions({}, { select: (d) => d.items }));
}

export function useFlag(key: string | null) {
  return useQuery(trpc.flags.get.queryOptions(key !== null ? { key } : skipToken));
}

/** After any change: the list, the flag's history and the staff member's own evaluated flags. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.flags.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.flags.mine.pathKey() })]);
}

export function useCreateFlag() {
  const invalidate = useInvalidate();
  return useMutation(
    trpc.flags.create.mutationOptions({
      onSuccess: (flag) => {
        notifySuccess(`Flag ${flag.key} created.`);
        return invalidate();
      },
    }),
  );
}

export function useUpdateFlag() {
  const invalidate = useInvalidate();
  return useMutation(
    trpc.flags.update.mutationOptions({
      onSuccess: (flag) => {
        notifySuccess(`Flag ${flag.key} saved.`);
        return invalidate();
      },
    }),
  );
}

export function useDeleteFlag() {
  const invalidate = useInvalidate();
  return useMutation(
    trpc.flags.delete.mutationOptions({
      onSuccess: (flag) => {
        notifySuccess(`Flag ${flag.key} deleted.`);
        return invalidate();
      },
      onError: (error) => notifyError(error, "Couldn't delete the flag"),
    }),
  );
}
