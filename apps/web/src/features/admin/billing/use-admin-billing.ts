import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TAdjustReserveInput, TDateRangeInput } from "@atrium/sdk";
import { formatCents } from "../../../lib/money";
import { notifySuccess } from "../../../lib/notify";
import { queryKeys } from "../../../lib/query-keys";
import { api } from "../../../lib/trpc";

export function useAdjustReserve() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TAdjustReserveInput) => api.billing.admin.adjust.mutate(input),
    onSuccess: (result) => {
      notifySuccess(`New balance: ${formatCents(result.newBalanceCents)}.`, "Balance adjusted");
      // It may have been the admin's own account: the top bar and /billing follow.
      return queryClient.invalidateQueries({ queryKey: queryKeys.billing.all });
    },
    // Field errors are shown on the form.
  });
}

/** The tenant's balance now and the adjustment limits; idle until an account is picked. */
export function useAdjustContext(tenantId: string | null) {
  return useQuery({
    queryKey: queryKeys.billing.adjustContext(tenantId ?? ""),
    queryFn: () => api.billing.admin.adjustContext.query({ tenantId: tenantId ?? "" }),
    enabled: Boolean(tenantId),
  });
}

export function useUsageCosts(range: TDateRangeInput) {
  return useQuery({
    queryKey: queryKeys.admin.usageCosts(range),
    queryFn: () => api.billing.admin.usageCosts.query(range),
    placeholderData: keepPreviousData,
  });
}

export function usePrices() {
  return useQuery({ queryKey: queryKeys.admin.prices, queryFn: () => api.billing.admin.prices.query() });
}

export function useUpdatePrice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (price: { item: string; unit: string; unitPriceMillicents: number }) => api.billing.admin.updatePrices.mutate({ prices: [price] }),
    onSuccess: (list) => {
      queryClient.setQueryData(queryKeys.admin.prices, list);
      notifySuccess("Estimates and runs use the new price from now on.", "Price saved");
    },
  });
}

export function useMetricsSummary(range: TDateRangeInput) {
  return useQuery({
    queryKey: queryKeys.admin.metrics(range),
    queryFn: () => api.system.metrics.summary.query(range),
    placeholderData: keepPreviousData,
  });
}

/** The staff ledger export for the same days (a plain download: same origin, the session cookie goes along). */
export function ledgerExportUrl(range: TDateRangeInput, accountId?: string | null): string {
  const params = new URLSearchParams();
  if (range.startDate) params.set("from", range.startDate);
  if (range.endDate) params.set("to", range.endDate);
  if (accountId) params.set("accountId", accountId);
  const query = params.toString();
  return `/api/billing/admin/ledger/export.csv${query ? `?${query}` : ""}`;
}
