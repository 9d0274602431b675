import { Badge, Button, EmptyState, Select, Text, Tooltip } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { ConfirmModal } from "../../components/confirm-modal";
import { DataTable } from "../../components/data-table";
import { memberColumns } from "../../components/member-columns";
import { notifySuccess } from "../../lib/notify";
import type { Member, Organization } from "../../lib/trpc";
import { useDialogFor } from "../../lib/use-dialog-for";
import { useCurrentUser } from "../auth/current-user";
import { atLeast, isTenantRole, ROLE_COLORS, ROLE_LABELS, ROLE_OPTIONS } from "./roles";
import { useCurrentOrganization } from "./use-current-organization";
import { useOrganizationMembers, useRemoveMember, useUpdateMemberRole } from "./use-organizations";

export function MembersTab({ organization }: { organization: Organization }) {
  const { user } = useCurrentUser();
  const members = useOrganizationMembers(organization.id);
  const updateRole = useUpdateMemberRole(organization.id);
  const remove = useRemoveMember(organization.id);
  const { select } = useCurrentOrganization();
  const navigate = useNavigate();
  const removal = useDialogFor<Member>();
  const removing = removal.item;
  const canManage = atLeast(organization.role, "admin", user.isStaff);
  const isOwner = atLeast(organization.role, "owner", user.isStaff);
  // Only owners hand out or take away ownership; the api says the same.
  const roleOptions = ROLE_OPTIONS.map((o) => ({ ...o, disabled: o.value === "owner" && !isOwner }));
  const leaving = removing?.userId === user.id;
  // The api refuses to let the last owner leave: offering the button would only lead to an error.
  const soleOwner = (members.data ?? []).filter((m) => m.role === "owner").length === 1;

  const closeDialog = () => {
    removal.close();
    remove.reset();
  };
  const confirmRemove = () => {
    if (!removing) return;
    remove.mutate(removing.userId, {
      onSuccess: (member) => {
        closeDialog();
        if (member.userId === user.id) {
          notifySuccess(`You left ${organization.name}.`);
          select(null);
          void navigate("/org", { replace: true });
        } else notifySuccess(`${member.username} was removed from ${organization.name}.`);
      },
    });
  };

  const columns = memberColumns<Member>({
    selfId: user.id,
    roleHeader: "Role",
    roleWidth: 180,
    role: (m) =>
      canManage ? (
        <Select
          size="xs"
          aria-label={`Role of ${m.username}`}
          data={roleOptions}
          value={m.role}
          allowDeselect={false}
          disabled={updateRole.isPending && updateRole.variables.userId === m.userId}
          onChange={(role) => isTenantRole(role) && role !== m.role && updateRole.mutate({ userId: m.userId, role })}
        />
      ) : (
        <Badge variant="light" color={ROLE_COLORS[m.role]}>
          {ROLE_LABELS[m.role]}
        </Badge>
      ),
    action: (m, self) =>
      self && soleOwner && m.role === "owner" ? (
        <Tooltip label="Make someone else an owner before you leave" withArrow>
          <Text size="sm" c="dimmed" data-testid="sole-owner">
            Only owner
          </Text>
        </Tooltip>
      ) : (
        (self || canManage) && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => removal.open(m)}>
            {self ? "Leave" : "Remove"}
          </Button>
        )
      ),
  });

  return (
    <>
      <DataTable
        query={members}
        columns={columns}
        rowKey={(m) => m.userId}
        rowProps={() => ({ "data-testid": "member-row" })}
        minWidth={680}
        errorTitle="Couldn't load the members"
        loadingLabel="Loading members"
        empty={
          <EmptyState py="xl" icon={<IconUsers size={28} />} variant="light" title="No members" description="Invite people from the Invitations tab." />
        }
      />
      <ConfirmModal
        opened={removal.opened}
        onClose={closeDialog}
        onConfirm={confirmRemove}
        title={leaving ? "Leave organization" : "Remove member"}
        confirmLabel={leaving ? "Leave" : "Remove"}
        loading={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">
          {leaving ? (
            <>
              Leave <b>{organization.name}</b>? You lose access to it and its teams until someone invites you again.
            </>
          ) : (
            <>
              Remove <b>{removing?.username}</b> from <b>{organization.name}</b>? They also leave its teams.
            </>
          )}
        </Text>
      </ConfirmModal>
    </>
  );
}
