import "@mantine/dates/styles.css";
import { Select } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconCalendar } from "@tabler/icons-react";
import { AUDIT_EVENT_TYPES, type TAuditEventType } from "@atrium/sdk";
import { FilterBar } from "../../../components/filter-bar";
import { EVENT_TYPE_GROUPS } from "./event-types";
import type { AuditFilters } from "./use-audit-events";
import { UserPicker } from "./user-picker";

function isEventType(value: string | null): value is TAuditEventType {
  return value !== null && (AUDIT_EVENT_TYPES as readonly string[]).includes(value);
}

export function AuditFiltersBar({ filters, onChange }: { filters: AuditFilters; onChange: (next: AuditFilters) => void }) {
  const active = Object.values(filters).some(Boolean);
  return (
    <FilterBar active={active} onClear={() => onChange({})}>
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
    </FilterBar>
  );
}
