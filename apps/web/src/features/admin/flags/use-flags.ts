import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { trpc } from "../../../lib/trpc";

export function useFlags() {
  return useQuery(trpc.flag.list.queryOptions({}, { select: (d) => d.items }));
}

export function useFlag(key: string | null) {
  return useQuery(trpc.flag.get.queryOptions(key !== null ? { key } : skipToken));
}

/** After any change: the list, the flag's history and the staff member's own evaluated flags. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.flag.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.flag.mine.pathKey() })]);
}

export function useCreateFlag() {
  const invalidate = useInvalidate();
  return useMutation(
    trpc.flag.create.mutationOptions({
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
    trpc.flag.update.mutationOptions({
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
    trpc.flag.delete.mutationOptions({
      onSuccess: (flag) => {
        notifySuccess(`Flag ${flag.key} deleted.`);
        return invalidate();
      },
      onError: (error) => notifyError(error, "Couldn't delete the flag"),
    }),
  );
}
