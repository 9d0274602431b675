import { Button, EmptyState, Text } from "@mantine/core";
import { IconBuildingCommunity, IconRestore } from "@tabler/icons-react";
import { ConfirmModal } from "../../../components/confirm-modal";
import { DateCell } from "../../../components/date-cell";
import { PageHeader } from "../../../components/page-header";
import { DataTable, type Column } from "../../../components/data-table";
import { useDialogFor } from "../../../lib/use-dialog-for";
import { useDeletedOrganizations, useRestoreOrganization } from "./use-deleted-organizations";

type Deleted = NonNullable<ReturnType<typeof useDeletedOrganizations>["data"]>[number];

function columns(onRestore: (org: Deleted) => void): Column<Deleted>[] {
  return [
    {
      header: "Organization",
      cell: (org) => (
        <>
          <Text size="sm" fw={500}>
            {org.name}
          </Text>
          <Text size="xs" c="dimmed">
            {org.slug}
          </Text>
        </>
      ),
    },
    { header: "Account", cell: (org) => <Text size="sm">{org.accountName}</Text> },
    { header: "Deleted", cell: (org) => <DateCell iso={org.deletedAt} /> },
    {
      td: { ta: "right" },
      cell: (org) => (
        <Button size="compact-sm" variant="light" leftSection={<IconRestore size={14} />} onClick={() => onRestore(org)}>
          Restore
        </Button>
      ),
    },
  ];
}

/** Staff: organizations deleted within the retention period, each restorable until the purge takes it. */
export function DeletedOrganizationsPage() {
  const deleted = useDeletedOrganizations();
  const restore = useRestoreOrganization();
  const dialog = useDialogFor<Deleted>();
  const target = dialog.item;

  return (
    <>
      <PageHeader title="Deleted organizations" description="Restore an organization its owner deleted by mistake. After the retention period the purge removes it for good." />
      <DataTable
        query={deleted}
        columns={columns(dialog.open)}
        rowKey={(org) => org.id}
        rowProps={() => ({ "data-testid": "deleted-organization-row" })}
        errorTitle="Couldn't load the deleted organizations"
        loadingLabel="Loading deleted organizations"
        empty={
          <EmptyState py="xl" icon={<IconBuildingCommunity size={28} />} variant="light" title="No deleted organizations" description="Organizations deleted by their owners show up here until they are purged." />
        }
      />
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
