import { Button, EmptyState, Table, Text } from "@mantine/core";
import { IconBuildingCommunity, IconRestore } from "@tabler/icons-react";
import { ConfirmModal } from "../../../components/confirm-modal";
import { DateCell } from "../../../components/date-cell";
import { PageHeader } from "../../../components/page-header";
import { ListCard } from "../../../components/data-table";
import { useDialogFor } from "../../../lib/use-dialog-for";
import { useDeletedOrganizations, useRestoreOrganization } from "./use-deleted-organizations";

type Deleted = NonNullable<ReturnType<typeof useDeletedOrganizations>["data"]>[number];

/** Staff: organizations deleted within the retention period, each restorable until the purge takes it. */
export function DeletedOrganizationsPage() {
  const deleted = useDeletedOrganizations();
  const restore = useRestoreOrganization();
  const dialog = useDialogFor<Deleted>();
  const target = dialog.item;


  return (
    <>
      <PageHeader title="Deleted organizations" description="Restore an organization its owner deleted by mistake. After the retention period the purge removes it for good." />
      <ListCard
        query={deleted}
        errorTitle="Couldn't load the deleted organizations"
        loadingLabel="Loading deleted organizations"
        empty={
          <EmptyState py="xl" icon={<IconBuildingCommunity size={28} />} variant="light" title="No deleted organizations" description="Organizations deleted by their owners show up here until they are purged." />
        }
      >
        {(rows) => (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Organization</Table.Th>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>Deleted</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((org) => (
                  <Table.Tr key={org.id} data-testid="deleted-organization-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {org.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {org.slug}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{org.accountName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <DateCell iso={org.deletedAt} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button size="compact-sm" variant="light" leftSection={<IconRestore size={14} />} onClick={() => dialog.open(org)}>
                        Restore
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListCard>
      <ConfirmModal
        opened={dialog.opened}
        onClose={() => {
          dialog.close();
          restore.reset();
        }}
        onConfirm={() => target && restore.mutate({ id: target.id }, { onSuccess: () => dialog.close() })}
        title="Restore organization"
        confirmLabel="Restore"
        color="indigo"
        loading={restore.isPending}
        error={restore.error}
      >
        <Text size="sm">
          Restore <b>{target?.name}</b> of {target?.accountName}? Its members get it back, with its teams.
        </Text>
      </ConfirmModal>
    </>
  );
}
