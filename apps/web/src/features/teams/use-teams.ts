import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterInputs } from "@atrium/sdk";
import { notifyError, notifySuccess } from "../../lib/notify";
import { allItems, firstPage, nextCursorOf } from "../../lib/pages";
import { queryKeys } from "../../lib/query-keys";
import { api } from "../../lib/trpc";

type In = RouterInputs["teams"];

export function useTeams(organizationId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.teams(organizationId),
    queryFn: ({ pageParam }) => api.teams.list.query({ organizationId, cursor: pageParam, limit: 25 }),
    initialPageParam: firstPage,
    getNextPageParam: nextCursorOf,
    select: allItems,
  });
}

export function useTeam(id: string) {
  return useQuery({ queryKey: queryKeys.team(id), queryFn: () => api.teams.get.query({ id }) });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: In["create"]) => api.teams.create.mutate(input),
    onSuccess: (team) => {
      notifySuccess(`Team “${team.name}” created.`);
      return queryClient.invalidateQueries({ queryKey: queryKeys.teams(team.organizationId) });
    },
  });
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: In["update"]) => api.teams.update.mutate(input),
    onSuccess: (team) => {
      notifySuccess("Team saved.");
      queryClient.setQueryData(queryKeys.team(team.id), team);
      return queryClient.invalidateQueries({ queryKey: queryKeys.teams(team.organizationId) });
    },
  });
}

export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.teams.delete.mutate({ id }),
    onSuccess: (team) => {
      notifySuccess(`Team “${team.name}” deleted.`);
      queryClient.removeQueries({ queryKey: queryKeys.team(team.id) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.teams(team.organizationId) });
    },
    onError: (error) => notifyError(error, "Couldn't delete the team"),
  });
}

export function useTeamMembers(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.teamMembers(id),
    queryFn: ({ pageParam }) => api.teams.listMembers.query({ id, cursor: pageParam, limit: 50 }),
    initialPageParam: firstPage,
    getNextPageParam: nextCursorOf,
    select: allItems,
  });
}

/** Adds someone, or changes the role of someone already in the team (the api treats both alike). */
export function useSetTeamMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<In["addMember"], "id">) => api.teams.addMember.mutate({ id: teamId, ...input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.teamMembers(teamId) }),
  });
}

export function useRemoveTeamMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.teams.removeMember.mutate({ id: teamId, userId }),
    onSuccess: (member) => {
      notifySuccess(`${member.username} left the team.`);
      return queryClient.invalidateQueries({ queryKey: queryKeys.teamMembers(teamId) });
    },
    onError: (error) => notifyError(error, "Couldn't remove the team member"),
  });
}
