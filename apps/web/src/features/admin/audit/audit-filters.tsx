import "@mantine/dates/styles.css";
import { Button, Group, Paper, Select } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconCalendar, IconFilterOff } from "@tabler/icons-react";
import { AUDIT_EVENT_TYPES, type TAuditEventType } from "@atrium/sdk";
import { EVENT_TYPE_GROUPS } from "./event-types";
import type { AuditFilters } from "./use-audit-events";
import { UserPicker } from "./user-picker";

function isEventType(value: string | null): value is TAuditEventType {
  return value !== null && (AUDIT_EVENT_TYPES as readonly string[]).includes(value);
}

export function AuditFiltersBar({ filters, onChange }: { filters: AuditFilters; onChange: (next: AuditFilters) => void }) {
  const active = Object.values(filters).some(Boolean);
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <Group align="flex-end" wrap="wrap" gap="md">
        <div style={{ flex: "1 1 180px" }}>
          <UserPicker value={filters.userId ?? null} onChange={(userId) => onChange({ ...filters, userId: userId ?? undefined })} />
        </div>
        <Select
          label="Event type"
          placeholder="Any event"
          searchable
          clearable
          style={{ flex: "1 1 200px" }}
          data={EVENT_TYPE_GROUPS}
          value={filters.eventType ?? null}
          onChange={(value) => onChange({ ...filters, eventType: isEventType(value) ? value : undefined })}
        />
        <DatePickerInput
          type="range"
          label="Date range"
          placeholder="Any time"
          clearable
          allowSingleDateInRange
          valueFormat="MMM D, YYYY"
          leftSection={<IconCalendar size={16} />}
          style={{ flex: "1 1 260px" }}
          styles={{ input: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" } }}
          value={[filters.from ?? null, filters.to ?? null]}
          // A bare `to` date includes that whole day on the api.
          onChange={([from, to]) => onChange({ ...filters, from: from ?? undefined, to: to ?? undefined })}
        />
        <Button variant="default" leftSection={<IconFilterOff size={16} />} disabled={!active} onClick={() => onChange({})}>
          Clear
        </Button>
      </Group>
    </Paper>
  );
}
