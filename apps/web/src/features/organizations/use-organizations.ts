import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterInputs } from "@atrium/sdk";
import { notifyError, notifySuccess } from "../../lib/notify";
import { allItems, firstPage, nextCursorOf } from "../../lib/pages";
import { queryKeys } from "../../lib/query-keys";
import { api } from "../../lib/trpc";

type In = RouterInputs["organizations"];

export function useOrganization(id: string) {
  return useQuery({ queryKey: queryKeys.organization(id), queryFn: () => api.organizations.get.query({ id }) });
}

/** Anything that changes which organizations exist or their names: the switcher and the pages re-read. */
function useInvalidateOrganizations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.myMemberships }),
      queryClient.invalidateQueries({ queryKey: queryKeys.organizations }),
    ]);
}

export function useCreateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (input: In["create"]) => api.organizations.create.mutate(input),
    onSuccess: async (org) => {
      notifySuccess(`Organization “${org.name}” created.`);
      await invalidate();
    },
    // Field errors are shown in the dialog.
  });
}

export function useUpdateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (input: In["update"]) => api.organizations.update.mutate(input),
    onSuccess: async () => {
      notifySuccess("Organization saved.");
      await invalidate();
    },
  });
}

export function useDeleteOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.organizations.delete.mutate({ id }),
    onSuccess: async (org) => {
      notifySuccess(`Organization “${org.name}” deleted.`);
      queryClient.removeQueries({ queryKey: queryKeys.organization(org.id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.myMemberships });
    },
    onError: (error) => notifyError(error, "Couldn't delete the organization"),
  });
}

export function useOrganizationMembers(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.organizationMembers(id),
    queryFn: ({ pageParam }) => api.organizations.listMembers.query({ id, cursor: pageParam, limit: 50 }),
    initialPageParam: firstPage,
    getNextPageParam: nextCursorOf,
    select: allItems,
  });
}

export function useUpdateMemberRole(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<In["updateMember"], "id">) => api.organizations.updateMember.mutate({ id: organizationId, ...input }),
    onSuccess: (member) => {
      notifySuccess(`${member.username} is now ${member.role === "admin" ? "an" : "a"} ${member.role}.`);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.organizationMembers(organizationId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myMemberships }),
        queryClient.invalidateQueries({ queryKey: queryKeys.organization(organizationId) }),
      ]);
    },
    onError: (error) => notifyError(error, "Couldn't change the role"),
  });
}

/** Removing someone else, or yourself (leaving): the api takes the same call. */
export function useRemoveMember(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.organizations.removeMember.mutate({ id: organizationId, userId }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.organizationMembers(organizationId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myMemberships }),
      ]),
    // Errors (the last owner can't leave) are shown in the confirmation dialog.
  });
}

export function useInvitations(organizationId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: queryKeys.invitations(organizationId),
    queryFn: ({ pageParam }) => api.invitations.list.query({ id: organizationId, cursor: pageParam, limit: 25 }),
    initialPageParam: firstPage,
    getNextPageParam: nextCursorOf,
    select: allItems,
    enabled,
  });
}

export function useInvite(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<RouterInputs["invitations"]["create"], "id">) => api.invitations.create.mutate({ id: organizationId, ...input }),
    // Nobody joins by being invited: only the pending list changes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(organizationId) }),
  });
}

export function useRevokeInvitation(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => api.invitations.revoke.mutate({ id: organizationId, invitationId }),
    onSuccess: (invitation) => {
      notifySuccess(`Invitation for ${invitation.email} revoked.`);
      return queryClient.invalidateQueries({ queryKey: queryKeys.invitations(organizationId) });
    },
    onError: (error) => notifyError(error, "Couldn't revoke the invitation"),
  });
}
