import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterInputs } from "@atrium/sdk";
import { notifyError, notifySuccess } from "../../lib/notify";
import { allItems, nextCursorOf } from "../../lib/pages";
import { api, trpc } from "../../lib/trpc";

type In = RouterInputs["organizations"];

export function useOrganization(id: string) {
  return useQuery(trpc.organizations.get.queryOptions({ id }));
}

/** Anything that changes which organizations exist or their names: the switcher and the pages re-read. */
function useInvalidateOrganizations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.accounts.memberships.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.organizations.pathKey() }),
    ]);
}

export function useCreateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation(
    trpc.organizations.create.mutationOptions({
      onSuccess: async (org) => {
        notifySuccess(`Organization “${org.name}” created.`);
        await invalidate();
      },
      // Field errors are shown in the dialog.
    }),
  );
}

export function useUpdateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation(
    trpc.organizations.update.mutationOptions({
      onSuccess: async () => {
        notifySuccess("Organization saved.");
        await invalidate();
      },
    }),
  );
}

export function useDeleteOrganization() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.organizations.delete.mutationOptions({
      onSuccess: async (org) => {
        notifySuccess(`Organization “${org.name}” deleted.`);
        queryClient.removeQueries({ queryKey: trpc.organizations.get.queryKey({ id: org.id }) });
        await queryClient.invalidateQueries({ queryKey: trpc.accounts.memberships.pathKey() });
      },
      onError: (error) => notifyError(error, "Couldn't delete the organization"),
    }),
  );
}

export function useOrganizationMembers(id: string) {
  return useInfiniteQuery({ ...trpc.organizations.listMembers.infiniteQueryOptions({ id, limit: 50 }, { getNextPageParam: nextCursorOf }), select: allItems });
}

export function useUpdateMemberRole(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.organizations.updateMember.mutationKey(),
    mutationFn: (input: Omit<In["updateMember"], "id">) => api.organizations.updateMember.mutate({ id: organizationId, ...input }),
    onSuccess: (member) => {
      notifySuccess(`${member.username} is now ${member.role === "admin" ? "an" : "a"} ${member.role}.`);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.organizations.listMembers.queryKey({ id: organizationId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.accounts.memberships.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.organizations.get.queryKey({ id: organizationId }) }),
      ]);
    },
    onError: (error) => notifyError(error, "Couldn't change the role"),
  });
}

/** Removing someone else, or yourself (leaving): the api takes the same call. */
export function useRemoveMember(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.organizations.removeMember.mutationKey(),
    mutationFn: (userId: string) => api.organizations.removeMember.mutate({ id: organizationId, userId }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.organizations.listMembers.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.accounts.memberships.pathKey() }),
      ]),
    // Errors (the last owner can't leave) are shown in the confirmation dialog.
  });
}

export function useInvitations(organizationId: string, enabled = true) {
  return useInfiniteQuery({ ...trpc.invitations.list.infiniteQueryOptions({ id: organizationId, limit: 25 }, { getNextPageParam: nextCursorOf, enabled }), select: allItems });
}

export function useInvite(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.invitations.create.mutationKey(),
    mutationFn: (input: Omit<RouterInputs["invitations"]["create"], "id">) => api.invitations.create.mutate({ id: organizationId, ...input }),
    // Nobody joins by being invited: only the pending list changes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.invitations.list.pathKey() }),
  });
}

export function useRevokeInvitation(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.invitations.revoke.mutationKey(),
    mutationFn: (invitationId: string) => api.invitations.revoke.mutate({ id: organizationId, invitationId }),
    onSuccess: (invitation) => {
      notifySuccess(`Invitation for ${invitation.email} revoked.`);
      return queryClient.invalidateQueries({ queryKey: trpc.invitations.list.pathKey() });
    },
    onError: (error) => notifyError(error, "Couldn't revoke the invitation"),
  });
}
