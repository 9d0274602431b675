import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { formatCents } from "../../lib/money";
import { notify } from "../../lib/notify";
import { useRealtimeEvent } from "../../lib/realtime";
import { trpc, type Balance } from "../../lib/trpc";
import { takePendingTopup } from "./pending-topup";
import { balanceQuery } from "./use-billing";

/** The webhook usually lands before the redirect; with real Stripe it can trail it by a few seconds. */
const WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Handles the way back from checkout (`?topup=success&session_id=…` or
 * `?topup=cancelled`): strips the query, and after a payment reads the balance
 * again each time the stream says it changed (`balance.changed`, no polling)
 * until it has moved or WAIT_MS passed, so the number on screen already
 * includes it. Returns whether a payment is still being waited for.
 */
export function useTopupReturn(): { processing: boolean } {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const [processing, setProcessing] = useState(false);
  const handled = useRef(false);
  // Resolves the wait below when the account's balance changes.
  const changed = useRef<(() => void) | null>(null);
  useRealtimeEvent(["balance.changed"], () => changed.current?.());
  const outcome = params.get("topup");
  const sessionId = params.get("session_id");

  useEffect(() => {
    if (handled.current || (outcome !== "success" && outcome !== "cancelled")) return;
    handled.current = true;
    const pending = takePendingTopup(sessionId);
    setParams({}, { replace: true });

    if (outcome === "cancelled") {
      notify({ color: "blue", title: "Top-up cancelled", message: "Nothing was charged. Your balance is unchanged." });
      return;
    }

    setProcessing(true);
    void (async () => {
      const deadline = Date.now() + WAIT_MS;
      let balance: Balance | undefined;
      for (;;) {
        // Listening before reading: a change landing during the read still wakes the next round.
        const next = new Promise<void>((resolve) => (changed.current = resolve));
        balance = await queryClient.fetchQuery({ ...balanceQuery, staleTime: 0 }).catch(() => undefined);
        const moved = balance !== undefined && (pending?.balanceBeforeCents == null || balance.balanceCents !== pending.balanceBeforeCents);
        if (moved || Date.now() >= deadline) break;
        await Promise.race([next, sleep(deadline - Date.now())]);
      }
      changed.current = null;
      setProcessing(false);
      // The ledger has the new credit too.
      void queryClient.invalidateQueries({ queryKey: trpc.billing.ledger.pathKey() });
      const paid = pending ? `${formatCents(pending.amountCents, pending.currency)} was added. ` : "";
      if (balance && (pending?.balanceBeforeCents == null || balance.balanceCents !== pending.balanceBeforeCents)) {
        notify({ color: "teal", title: "Payment received", message: `${paid}Your balance is now ${formatCents(balance.balanceCents, balance.currency)}.` });
      } else {
        notify({
          color: "yellow",
          title: "Payment is still processing",
          message: "The payment went through, but the balance hasn't caught up yet. It updates on its own in a moment.",
        });
      }
    })();
  }, [outcome, sessionId, setParams, queryClient]);

  return { processing };
}
