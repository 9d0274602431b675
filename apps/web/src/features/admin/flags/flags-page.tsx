import { ActionIcon, Badge, Button, Group, Paper, Table, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { FLAGS } from "@atrium/sdk";
import { ConfirmModal } from "../../../components/confirm-modal";
import { ListSkeleton } from "../../../components/list-skeleton";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { formatDateTime } from "../../../lib/format";
import type { Flag } from "../../../lib/trpc";
import { useDialogFor } from "../../../lib/use-dialog-for";
import { CreateFlagModal } from "./create-flag-modal";
import { FlagEditorModal } from "./flag-editor-modal";
import { useDeleteFlag, useFlags } from "./use-flags";

const BUILT_IN = new Set<string>(Object.values(FLAGS));
const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

function FlagRow({ flag, onEdit, onDelete }: { flag: Flag; onEdit: () => void; onDelete: () => void }) {
  const t = flag.targeting;
  return (
    <Table.Tr data-testid={`flag-row-${flag.key}`}>
      <Table.Td>
        <Text fw={600} size="sm">{flag.key}</Text>
        <Text size="xs" c="dimmed">{flag.description}</Text>
      </Table.Td>
      <Table.Td><Badge variant="light">{flag.type}</Badge></Table.Td>
      <Table.Td>{flag.type === "boolean" ? <Badge variant="light" color={t.default ? "teal" : "gray"}>{t.default ? "on" : "off"}</Badge> : <Text size="sm">{show(t.default)}</Text>}</Table.Td>
      <Table.Td>{t.rules.length}</Table.Td>
      <Table.Td>{t.rollout ? `${t.rollout.percentage}% → ${show(t.rollout.value)}` : "-"}</Table.Td>
      <Table.Td>{Object.keys(flag.environments).join(", ") || "-"}</Table.Td>
      <Table.Td><Text size="xs">{formatDateTime(flag.updatedAt)}</Text></Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="subtle" aria-label={`Edit ${flag.key}`} onClick={onEdit}><IconPencil size={16} /></ActionIcon>
          <Tooltip label={BUILT_IN.has(flag.key) ? "Atrium checks this flag itself: turn it off instead" : "Delete"}>
            <ActionIcon variant="subtle" color="red" aria-label={`Delete ${flag.key}`} onClick={onDelete} disabled={BUILT_IN.has(flag.key)}><IconTrash size={16} /></ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Admin → Flags: every feature flag, its targeting editor and change history. */
export function FlagsPage() {
  const flags = useFlags();
  const remove = useDeleteFlag();
  const [creating, createDialog] = useDisclosure(false);
  const editing = useDialogFor<Flag>();
  const deleting = useDialogFor<Flag>();

  let content;
  if (flags.isPending) content = <ListSkeleton label="Loading flags" />;
  else if (flags.isError) content = <QueryError error={flags.error} title="Couldn't load the flags" onRetry={() => void flags.refetch()} />;
  else {
    content = (
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Flag</Table.Th><Table.Th>Type</Table.Th><Table.Th>Default</Table.Th><Table.Th>Rules</Table.Th><Table.Th>Rollout</Table.Th><Table.Th>Own targeting in</Table.Th><Table.Th>Updated</Table.Th><Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {flags.data.map((f) => <FlagRow key={f.key} flag={f} onEdit={() => editing.open(f)} onDelete={() => deleting.open(f)} />)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <>
      <PageHeader
        title="Feature flags"
        description="Evaluated in every api and worker process from memory; a change reaches all of them within a second."
        actions={<Button leftSection={<IconPlus size={16} />} onClick={createDialog.open}>New flag</Button>}
      />
      <Paper withBorder radius="md" p={flags.isError ? "md" : 0}>{content}</Paper>
      <CreateFlagModal opened={creating} onClose={createDialog.close} />
      <FlagEditorModal flag={editing.opened ? (editing.item ?? null) : null} onClose={editing.close} />
      <ConfirmModal
        opened={deleting.opened}
        onClose={deleting.close}
        title="Delete flag"
        confirmLabel="Delete flag"
        loading={remove.isPending}
        onConfirm={() => deleting.item && remove.mutate({ key: deleting.item.key }, { onSuccess: deleting.close })}
      >
        <Text size="sm">Delete <b>{deleting.item?.key}</b>? Code asking for it gets its fallback value.</Text>
      </ConfirmModal>
    </>
  );
}
