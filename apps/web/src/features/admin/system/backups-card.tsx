import { useState } from "react";
import { Anchor, Badge, Button, Group, Paper, Skeleton, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconDatabaseExport, IconDownload, IconShieldCheck } from "@tabler/icons-react";
import { QueryError } from "../../../components/query-error";
import { formatBytes, formatDateTime, formatDuration, formatRelative } from "../../../lib/format";
import type { BackupItem, BackupVerification } from "../../../lib/trpc";
import { backupDownloadUrl, useBackUpNow, useBackups, useVerifyBackup } from "./use-backups";

function VerifyCell({ backup }: { backup: BackupItem }) {
  const verify = useVerifyBackup();
  const [result, setResult] = useState<BackupVerification | null>(null);
  if (result) {
    return (
      <Tooltip label={result.ok ? `${result.checkedTables} tables and ${result.checkedFiles} files match the manifest` : result.problems.join("; ")} multiline w={320}>
        <Badge color={result.ok ? "teal" : "red"} variant="light" data-testid="backup-verified" data-ok={result.ok}>
          {result.ok ? "Verified" : "Damaged"}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Button size="xs" variant="subtle" leftSection={<IconShieldCheck size={14} />} loading={verify.isPending} onClick={() => verify.mutate({ name: backup.id }, { onSuccess: setResult })}>
      Verify
    </Button>
  );
}

/** Admin → System → Backups: every full backup with its size and age, verify, download, and "back up now". */
export function BackupsCard() {
  const backups = useBackups();
  const backUpNow = useBackUpNow();
  const data = backups.data;
  return (
    <Paper withBorder radius="md" p="md" data-testid="backups">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <IconDatabaseExport size={18} />
          <Title order={5}>Backups</Title>
        </Group>
        <Button size="xs" loading={backUpNow.isPending} onClick={() => backUpNow.mutate({})}>
          Back up now
        </Button>
      </Group>
      {data && (
        <Text size="xs" c="dimmed" mb="xs">
          In {data.dir}
          {data.s3Bucket ? `, mirrored to s3://${data.s3Bucket}` : ""} · {data.schedule ? `scheduled ${data.schedule} (UTC)` : "no schedule (BACKUP_CRON unset)"}
        </Text>
      )}
      {!data ? (
        backups.isError ? <QueryError error={backups.error} title="Couldn't list the backups" onRetry={() => void backups.refetch()} /> : <Skeleton h={120} />
      ) : data.backups.length === 0 ? (
        <Text size="sm" c="dimmed">
          No backups yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Backup</Table.Th>
                <Table.Th>Age</Table.Th>
                <Table.Th ta="right">Size</Table.Th>
                <Table.Th ta="right">Rows</Table.Th>
                <Table.Th ta="right">Files</Table.Th>
                <Table.Th ta="right">Took</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.backups.map((b) => (
                <Table.Tr key={b.id} data-testid="backup-row" data-name={b.id}>
                  <Table.Td ff="monospace" fz="sm">
                    {b.id}
                    <Text size="xs" c="dimmed">
                      schema {b.schemaVersion} · {b.tables} tables
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={formatDateTime(b.createdAt)}>
                      <Text size="sm">{formatRelative(b.createdAt)}</Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td ta="right">{formatBytes(b.sizeBytes)}</Table.Td>
                  <Table.Td ta="right">{b.rows.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{b.files.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{formatDuration(b.durationMs)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <VerifyCell backup={b} />
                      <Anchor href={backupDownloadUrl(b.id)} size="sm" aria-label={`Download ${b.id}`}>
                        <Group gap={4} wrap="nowrap">
                          <IconDownload size={14} /> Download
                        </Group>
                      </Anchor>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
