import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TCreateTopupSessionInput, TLedgerEntryType, TUpdateBillingProfileInput } from "@atrium/sdk";
import { formatCents } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { allItems, firstPage, nextCursorOf } from "../../lib/pages";
import { queryKeys } from "../../lib/query-keys";
import { api } from "../../lib/trpc";
import { POLICY_LABELS } from "./billing-labels";

/** The top bar polls this; money can move while the tab sits open (jobs, other people's top-ups). */
const BALANCE_POLL_MS = 15_000;

/** The caller's home account's reserve: what the top bar and /billing show. */
export const balanceQuery = queryOptions({
  queryKey: queryKeys.billing.balance,
  queryFn: () => api.billing.balance.query({}),
  staleTime: 5_000,
});

export function useBalance() {
  return useQuery({ ...balanceQuery, refetchInterval: BALANCE_POLL_MS, refetchOnWindowFocus: true });
}

export function useLedger(type: TLedgerEntryType | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.billing.ledger(type),
    queryFn: ({ pageParam }) => api.billing.ledger.query({ type: type ?? undefined, cursor: pageParam, limit: 25 }),
    initialPageParam: firstPage,
    getNextPageParam: nextCursorOf,
    select: allItems,
    // Switching the type filter shouldn't flash the table empty.
    placeholderData: (previous) => previous,
  });
}

export function useBillingProfile() {
  return useQuery({ queryKey: queryKeys.billing.profile, queryFn: () => api.billing.profile.query({}) });
}

export function useUpdateBillingProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TUpdateBillingProfileInput) => api.billing.updateProfile.mutate(input),
    onSuccess: (profile) => {
      notifySuccess(`${POLICY_LABELS[profile.lowBalancePolicy]} below ${formatCents(profile.lowBalanceThresholdCents, profile.currency)}.`, "Low-balance policy saved");
      // isLow and the top bar's color follow the new threshold.
      return queryClient.invalidateQueries({ queryKey: queryKeys.billing.all });
    },
    // Field errors are shown on the form.
  });
}

export function useCreateTopupSession() {
  return useMutation({ mutationFn: (input: TCreateTopupSessionInput) => api.billing.topup.createSession.mutate(input) });
}
