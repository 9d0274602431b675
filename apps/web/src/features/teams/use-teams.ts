import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterInputs } from "@atrium/sdk";
import { notifyError, notifySuccess } from "../../lib/notify";
import { allItems, nextCursorOf } from "../../lib/pages";
import { api, trpc } from "../../lib/trpc";

type In = RouterInputs["teams"];

export function useTeams(organizationId: string) {
  return useInfiniteQuery({ ...trpc.teams.list.infiniteQueryOptions({ organizationId, limit: 25 }, { getNextPageParam: nextCursorOf }), select: allItems });
}

export function useTeam(id: string) {
  return useQuery(trpc.teams.get.queryOptions({ id }));
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.teams.create.mutationOptions({
      onSuccess: (team) => {
        notifySuccess(`Team “${team.name}” created.`);
        return queryClient.invalidateQueries({ queryKey: trpc.teams.list.pathKey() });
      },
    }),
  );
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.teams.update.mutationOptions({
      onSuccess: (team) => {
        notifySuccess("Team saved.");
        queryClient.setQueryData(trpc.teams.get.queryKey({ id: team.id }), team);
        return queryClient.invalidateQueries({ queryKey: trpc.teams.list.pathKey() });
      },
    }),
  );
}

export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.teams.delete.mutationOptions({
      onSuccess: (team) => {
        notifySuccess(`Team “${team.name}” deleted.`);
        queryClient.removeQueries({ queryKey: trpc.teams.get.queryKey({ id: team.id }) });
        return queryClient.invalidateQueries({ queryKey: trpc.teams.list.pathKey() });
      },
      onError: (error) => notifyError(error, "Couldn't delete the team"),
    }),
  );
}

export function useTeamMembers(id: string) {
  return useInfiniteQuery({ ...trpc.teams.listMembers.infiniteQueryOptions({ id, limit: 50 }, { getNextPageParam: nextCursorOf }), select: allItems });
}

/** Adds someone, or changes the role of someone already in the team (the api treats both alike). */
export function useSetTeamMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.teams.addMember.mutationKey(),
    mutationFn: (input: Omit<In["addMember"], "id">) => api.teams.addMember.mutate({ id: teamId, ...input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.teams.listMembers.queryKey({ id: teamId }) }),
  });
}

export function useRemoveTeamMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.teams.removeMember.mutationKey(),
    mutationFn: (userId: string) => api.teams.removeMember.mutate({ id: teamId, userId }),
    onSuccess: (member) => {
      notifySuccess(`${member.username} left the team.`);
      return queryClient.invalidateQueries({ queryKey: trpc.teams.listMembers.pathKey() });
    },
    onError: (error) => notifyError(error, "Couldn't remove the team member"),
  });
}
