import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isUnauthorized } from "../../lib/errors";
import { notifyError, notifySuccess } from "../../lib/notify";
import { queryKeys } from "../../lib/query-keys";
import { api } from "../../lib/trpc";

export function useLogout() {
  const queryClient = useQueryClient();
  const signedOut = () => {
    // `me` first: the guard sees null and redirects; then drop the previous user's data.
    queryClient.setQueryData(queryKeys.me, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
  };
  return useMutation({
    mutationKey: ["auth", "logout"],
    mutationFn: () => api.auth.logout.mutate(),
    onSuccess: () => {
      signedOut();
      notifySuccess("You have been signed out.");
    },
    onError: (error) => (isUnauthorized(error) ? signedOut() : notifyError(error, "Couldn't sign out")),
  });
}
