import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isUnauthorized } from "../../lib/errors";
import { notifyError, notifySuccess } from "../../lib/notify";
import { procedurePath } from "../../lib/query-client";
import { trpc } from "../../lib/trpc";
import { meQuery } from "./use-me";

export function useLogout() {
  const queryClient = useQueryClient();
  const signedOut = () => {
    // `me` first: the guard sees null and redirects; then drop the previous user's data.
    queryClient.setQueryData(meQuery.queryKey, null);
    queryClient.removeQueries({ predicate: (q) => procedurePath(q.queryKey) !== "auth.me" });
  };
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        signedOut();
        notifySuccess("You have been signed out.");
      },
      onError: (error) => (isUnauthorized(error) ? signedOut() : notifyError(error, "Couldn't sign out")),
    }),
  );
}
