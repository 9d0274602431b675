import { ActionIcon, Badge, Button, Group, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { FLAGS } from "@atrium/sdk";
import { ConfirmModal } from "../../../components/confirm-modal";
import { DataTable, type Column } from "../../../components/data-table";
import { PageHeader } from "../../../components/page-header";
import { formatDateTime } from "../../../lib/format";
import type { Flag } from "../../../lib/trpc";
import { useDialogFor } from "../../../lib/use-dialog-for";
import { CreateFlagModal } from "./create-flag-modal";
import { FlagEditorModal } from "./flag-editor-modal";
import { useDeleteFlag, useFlags } from "./use-flags";

const BUILT_IN = new Set<string>(Object.values(FLAGS));
const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

function flagColumns(onEdit: (flag: Flag) => void, onDelete: (flag: Flag) => void): Column<Flag>[] {
  return [
    {
      header: "Flag",
      cell: (flag) => (
        <>
          <Text fw={600} size="sm">{flag.key}</Text>
          <Text size="xs" c="dimmed">{flag.description}</Text>
        </>
      ),
    },
    { header: "Type", cell: (flag) => <Badge variant="light">{flag.type}</Badge> },
    {
      header: "Default",
      cell: ({ type, targeting: t }) => (type === "boolean" ? <Badge variant="light" color={t.default ? "teal" : "gray"}>{t.default ? "on" : "off"}</Badge> : <Text size="sm">{show(t.default)}</Text>),
    },
    { header: "Rules", cell: (flag) => flag.targeting.rules.length },
    { header: "Rollout", cell: ({ targeting: t }) => (t.rollout ? `${t.rollout.percentage}% → ${show(t.rollout.value)}` : "-") },
    { header: "Own targeting in", cell: (flag) => Object.keys(flag.environments).join(", ") || "-" },
    { header: "Updated", cell: (flag) => <Text size="xs">{formatDateTime(flag.updatedAt)}</Text> },
    {
      cell: (flag) => (
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="subtle" aria-label={`Edit ${flag.key}`} onClick={() => onEdit(flag)}><IconPencil size={16} /></ActionIcon>
          <Tooltip label={BUILT_IN.has(flag.key) ? "Atrium checks this flag itself: turn it off instead" : "Delete"}>
            <ActionIcon variant="subtle" color="red" aria-label={`Delete ${flag.key}`} onClick={() => onDelete(flag)} disabled={BUILT_IN.has(flag.key)}><IconTrash size={16} /></ActionIcon>
          </Tooltip>
        </Group>
      ),
    },
  ];
}

/** Admin → Flags: every feature flag, its targeting editor and change history. */
export function FlagsPage() {
  const flags = useFlags();
  const remove = useDeleteFlag();
  const [creating, createDialog] = useDisclosure(false);
  const editing = useDialogFor<Flag>();
  const deleting = useDialogFor<Flag>();

  return (
    <>
      <PageHeader
        title="Feature flags"
        description="Evaluated in every api and worker process from memory; a change reaches all of them within a second."
        actions={<Button leftSection={<IconPlus size={16} />} onClick={createDialog.open}>New flag</Button>}
      />
      <DataTable
        query={flags}
        columns={flagColumns(editing.open, deleting.open)}
        rowKey={(f) => f.key}
        rowProps={(f) => ({ "data-testid": `flag-row-${f.key}` })}
        minWidth={760}
        errorTitle="Couldn't load the flags"
        loadingLabel="Loading flags"
        empty={null}
      />
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
