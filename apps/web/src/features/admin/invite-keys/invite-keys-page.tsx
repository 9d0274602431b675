// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/SegmentedControl.css";
import { Button, EmptyState, Group, SegmentedControl, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus, IconTicket } from "@tabler/icons-react";
import { useState } from "react";
import { INVITE_KEY_STATUSES, type TInviteKeyStatus } from "@atrium/sdk";
import { ConfirmModal } from "../../../components/confirm-modal";
import { PageHeader } from "../../../components/page-header";
import { ListCard } from "../../../components/data-table";
import type { InviteKey } from "../../../lib/trpc";
import { useDialogFor } from "../../../lib/use-dialog-for";
import { CreateInviteKeyModal } from "./create-invite-key-modal";
import { InviteKeysTable } from "./invite-keys-table";
import { useInviteKeys, useRevokeInviteKey } from "./use-invite-keys";

type Filter = TInviteKeyStatus | "all";
const FILTERS: { value: Filter; label: string }[] = [{ value: "all", label: "All" }, ...INVITE_KEY_STATUSES.map((s) => ({ value: s, label: s[0]?.toUpperCase() + s.slice(1) }))];

export function InviteKeysPage() {
  const [filter, setFilter] = useState<Filter>("all");
  const keys = useInviteKeys(filter === "all" ? undefined : filter);
  const revoke = useRevokeInviteKey();
  const [creating, createDialog] = useDisclosure(false);
  const revoking = useDialogFor<InviteKey>();

  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={createDialog.open}>
      Create invite key
    </Button>
  );


  return (
    <>
      <PageHeader title="Invite keys" description="Single-use keys that let someone sign up. The key itself is shown once, when created." actions={createButton} />
      <Group mb="md">
        <SegmentedControl value={filter} onChange={(v) => setFilter(v as Filter)} data={FILTERS} />
      </Group>
      <ListCard
        query={keys}
        errorTitle="Couldn't load the invite keys"
        loadingLabel="Loading invite keys"
        empty={
          filter === "all" ? (
            <EmptyState py="xl" icon={<IconTicket size={28} />} variant="light" title="No invite keys yet" description="Signup is invite-only: create a key and send it to the person you want to let in.">
              <EmptyState.Actions>{createButton}</EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState py="xl" icon={<IconTicket size={28} />} variant="light" title={`No ${filter} keys`} description="Try another filter." />
          )
        }
      >
        {(rows) => (
          <InviteKeysTable keys={rows} onRevoke={revoking.open} revokingId={revoke.isPending ? revoke.variables.id : undefined} />
        )}
      </ListCard>
      <CreateInviteKeyModal opened={creating} onClose={createDialog.close} />
      <ConfirmModal
        opened={revoking.opened}
        onClose={revoking.close}
        title="Revoke invite key"
        confirmLabel="Revoke key"
        loading={revoke.isPending}
        onConfirm={() => revoking.item && revoke.mutate({ id: revoking.item.id }, { onSuccess: revoking.close })}
      >
        <Text size="sm">
          Revoke the key <b>{revoking.item?.prefix}…</b>
          {revoking.item?.notes ? ` (${revoking.item.notes})` : ""}? Nobody can sign up with it afterwards.
        </Text>
      </ConfirmModal>
    </>
  );
}
