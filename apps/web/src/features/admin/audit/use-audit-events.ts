import { useInfiniteQuery } from "@tanstack/react-query";
import type { TAuditEventFilters, TAuditEventType } from "@atrium/sdk";
import { allItems, nextCursorOf } from "../../../lib/pages";
import { trpc } from "../../../lib/trpc";

export interface AuditFilters {
  userId?: string;
  eventType?: TAuditEventType;
  from?: string;
  to?: string;
}

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({ ...trpc.audit.list.infiniteQueryOptions({ ...filters, limit: 50 }, { getNextPageParam: nextCursorOf }), select: allItems });
}

/** The CSV export with the same filters as the list (a plain download: same-origin, the session cookie goes along). */
export function exportUrl(filters: TAuditEventFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  const query = params.toString();
  return `/api/admin/audit-events/export.csv${query ? `?${query}` : ""}`;
}
