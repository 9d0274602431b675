import { Button } from "@mantine/core";
import { IconDownload, IconHistory } from "@tabler/icons-react";
import { AUDIT_EVENT_TYPES, type TAuditEventType } from "@atrium/sdk";
import { PageHeader } from "../../../components/page-header";
import { ListCard } from "../../../components/data-table";
import { useUrlFilters } from "../../../lib/use-url-filters";
import { AuditFiltersBar } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { exportUrl, useAuditEvents, type AuditFilters } from "./use-audit-events";

const FILTER_KEYS = ["userId", "eventType", "from", "to"] as const;
const isEventType = (value: string | undefined): value is TAuditEventType => (AUDIT_EVENT_TYPES as readonly string[]).includes(value ?? "");

/** Filters live in the URL, so a filtered view can be bookmarked or sent to a colleague. */
function useFiltersFromUrl(): [AuditFilters, (next: AuditFilters) => void] {
  const [params, setParams] = useUrlFilters(FILTER_KEYS);
  return [{ ...params, eventType: isEventType(params.eventType) ? params.eventType : undefined }, setParams];
}

export function AuditLogPage() {
  const [filters, setFilters] = useFiltersFromUrl();
  const events = useAuditEvents(filters);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in, signup and admin or role change, newest first."
        actions={
          // A plain download of the same filters: same origin, so the session cookie goes along.
          <Button component="a" href={exportUrl(filters)} download variant="light" leftSection={<IconDownload size={16} />} data-testid="audit-export">
            Export CSV
          </Button>
        }
      />
      <AuditFiltersBar filters={filters} onChange={setFilters} />
      <ListCard
        query={events}
        errorTitle="Couldn't load the audit log"
        loadingLabel="Loading audit events"
        loadingRows={6}
        loadMoreLabel="Load older events"
        empty={{
          icon: <IconHistory size={28} />,
          title: filtered ? "No events match these filters" : "No events yet",
          description: filtered ? "Widen the date range or clear a filter." : "Sign-ins, signups and admin actions appear here as they happen.",
        }}
      >
        {(rows) => <AuditTable events={rows} />}
      </ListCard>
    </>
  );
}
