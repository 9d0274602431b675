import { Button, Group, Loader, Paper } from "@mantine/core";
import { IconFilterOff } from "@tabler/icons-react";
import type { ReactNode } from "react";

interface FilterBarProps {
  /** Whether any filter is set: "Clear" is offered only then. */
  active: boolean;
  onClear: () => void;
  /** A small spinner while the filtered list refreshes (lists that refresh themselves). */
  refreshing?: boolean;
  children: ReactNode;
}

/** The row of filters above a list (the audit log, jobs): the inputs, "Clear", and a refresh spinner. */
export function FilterBar({ active, onClear, refreshing, children }: FilterBarProps) {
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <Group align="flex-end" wrap="wrap" gap="md">
        {children}
        <Button variant="default" leftSection={<IconFilterOff size={16} />} disabled={!active} onClick={onClear}>
          Clear
        </Button>
        {refreshing && <Loader size="xs" mb={10} aria-label="Refreshing" />}
      </Group>
    </Paper>
  );
}
