import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TDateRangeInput } from "@atrium/sdk";
import { formatCents } from "../../../lib/money";
import { notifySuccess } from "../../../lib/notify";
import { api, trpc } from "../../../lib/trpc";

export function useAdjustReserve() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.billing.admin.adjust.mutationOptions({
      onSuccess: (result) => {
        notifySuccess(`New balance: ${formatCents(result.newBalanceCents)}.`, "Balance adjusted");
        // It may have been the admin's own account: the top bar and /billing follow, and so does the balance next to the form.
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.billing.admin.adjustContext.pathKey() }),
        ]);
      },
      // Field errors are shown on the form.
    }),
  );
}

/** The tenant's balance now and the adjustment limits; idle until an account is picked. */
export function useAdjustContext(tenantId: string | null) {
  return useQuery(trpc.billing.admin.adjustContext.queryOptions(tenantId ? { tenantId } : skipToken));
}

export function useUsageCosts(range: TDateRangeInput) {
  return useQuery(trpc.billing.admin.usageCosts.queryOptions(range, { placeholderData: keepPreviousData }));
}

export function usePrices() {
  return useQuery(trpc.billing.admin.prices.queryOptions());
}

export function useUpdatePrice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.billing.admin.updatePrices.mutationKey(),
    mutationFn: (price: { item: string; unit: string; unitPriceMillicents: number }) => api.billing.admin.updatePrices.mutate({ prices: [price] }),
    onSuccess: (list) => {
      queryClient.setQueryData(trpc.billing.admin.prices.queryKey(), list);
      notifySuccess("Estimates and runs use the new price from now on.", "Price saved");
    },
  });
}

export function useMetricsSummary(range: TDateRangeInput) {
  return useQuery(trpc.system.metrics.summary.queryOptions(range, { placeholderData: keepPreviousData }));
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
