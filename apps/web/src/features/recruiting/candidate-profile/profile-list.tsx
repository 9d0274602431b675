import { ActionIcon, Button, Group, Paper, Stack } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";

interface ProfileListProps {
  items: unknown[];
  max: number;
  /** "job", "school": names the add and remove buttons. */
  noun: string;
  testId: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** The fields of item `index`. */
  children: (index: number) => ReactNode;
}

/** A list of the profile (jobs, schools): each item's fields in a box with its remove button, and an add button up to the limit. */
export function ProfileList({ items, max, noun, testId, onAdd, onRemove, children }: ProfileListProps) {
  return (
    <>
      {items.map((_item, i) => (
        // Mantine's list helpers address items by index; the form keeps no ids for them.
        <Paper key={i} withBorder p="sm" radius="md" data-testid={testId}>
          <Stack gap="xs">
            {children(i)}
            <Group justify="flex-end">
              <ActionIcon variant="subtle" color="red" aria-label={`Remove ${noun} ${i + 1}`} onClick={() => onRemove(i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onAdd} disabled={items.length >= max}>
          Add a {noun}
        </Button>
      </Group>
    </>
  );
}
