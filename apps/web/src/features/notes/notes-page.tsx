import { Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { PageHeader } from "../../components/page-header";
import { QueryError } from "../../components/query-error";
import { formatDateTime } from "../../lib/format";
import { useCreateNote, useDeleteNote, useNotes } from "./use-notes";

export function NotesPage() {
  const notes = useNotes();
  const create = useCreateNote();
  const remove = useDeleteNote();
  const [body, setBody] = useState("");
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate(body, { onSuccess: () => setBody("") });
  };
  return (
    <>
      <PageHeader title="Notes" description="Short notes only you can see." />
      <Paper withBorder radius="md" p="md">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Textarea label="New note" value={body} onChange={(e) => setBody(e.currentTarget.value)} error={create.error?.message} />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                Add note
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {notes.isError ? <QueryError error={notes.error} title="Couldn't load your notes" onRetry={() => void notes.refetch()} /> : null}
      <Stack mt="md" gap="xs">
        {notes.data?.items.map((n) => (
          <Paper key={n.id} withBorder p="sm" data-testid="note">
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text>{n.body}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.createdAt)}
                </Text>
              </div>
              <Button variant="subtle" color="red" onClick={() => remove.mutate(n.id)}>
                Delete
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
