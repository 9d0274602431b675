import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TLedgerEntryType } from "@atrium/sdk";
import { formatCents } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { useLiveInvalidate } from "../../lib/live";
import { allItems, nextCursorOf } from "../../lib/pages";
import { trpc } from "../../lib/trpc";
import { POLICY_LABELS } from "./billing-labels";

/** The caller's home account's reserve: what the top bar and /billing show. */
export const balanceQuery = trpc.billing.balance.queryOptions({}, { staleTime: 5_000 });

/** The top bar shows this; money moves while the tab sits open (jobs, other people's top-ups): the stream says when. */
export function useBalance() {
  useLiveInvalidate(["balance.changed"], trpc.billing.balance.pathKey());
  return useQuery(balanceQuery);
}

export function useLedger(type: TLedgerEntryType | null) {
  useLiveInvalidate(["balance.changed"], trpc.billing.ledger.pathKey());
  return useInfiniteQuery({ ...trpc.billing.ledger.infiniteQueryOptions({ type: type ?? undefined, limit: 25 }, { getNextPageParam: nextCursorOf }), select: allItems, placeholderData: keepPreviousData });
}

export function useBillingProfile() {
  return useQuery(trpc.billing.profile.queryOptions({}));
}

export function useUpdateBillingProfile() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.billing.updateProfile.mutationOptions({
      onSuccess: (profile) => {
        notifySuccess(`${POLICY_LABELS[profile.lowBalancePolicy]} below ${formatCents(profile.lowBalanceThresholdCents, profile.currency)}.`, "Low-balance policy saved");
        // isLow and the top bar's color follow the new threshold.
        return queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() });
      },
      // Field errors are shown on the form.
    }),
  );
}

export function useCreateTopupSession() {
  return useMutation(trpc.billing.topup.createSession.mutationOptions());
}
