import { Badge, Skeleton } from "@mantine/core";
import { IconAlertTriangle, IconWallet } from "@tabler/icons-react";
import { Link } from "react-router";
import { formatCents } from "../../lib/money";
import { BALANCE_STATE_COLORS, balanceState, balanceStateMessage } from "./balance-state";
import { useCurrentUser } from "../auth/current-user";
import { useBalance } from "./use-billing";

/** The top bar's reserve balance: neutral, amber when low, red when work is being refused. Opens /billing. */
export function BalanceBadge() {
  const balance = useBalance();
  const { user } = useCurrentUser();
  if (balance.isPending) return <Skeleton h={30} w={96} radius="xl" />;
  // A user without a home account (or a failed request) has nothing to show here; /billing explains.
  if (balance.isError) return null;

  // Staff run the platform, not jobs: an account they never funded is no alarm to carry on every page.
  // Once it holds money (or a payment failed) it is a balance like anyone's.
  const unfundedStaff = user.isStaff && balance.data.balanceCents === 0 && !balance.data.paymentFailed;
  const state = unfundedStaff ? "ok" : balanceState(balance.data);
  const color = BALANCE_STATE_COLORS[state];
  const message = unfundedStaff ? null : balanceStateMessage(balance.data);
  return (
    // A native title, not Mantine's Tooltip: its popover engine would join every page's first load for one hint
    // (the message is in the accessible name too).
    <Badge
      title={message ?? "Prepaid balance · open billing"}
      component={Link}
      to="/billing"
      data-testid="balance"
      data-state={state}
      aria-label={`Balance ${formatCents(balance.data.balanceCents, balance.data.currency)}${message ? `: ${message}` : ""}`}
      variant={state === "ok" ? "default" : "light"}
      color={color}
      size="lg"
      radius="xl"
      tt="none"
      style={{ cursor: "pointer", fontVariantNumeric: "tabular-nums" }}
      leftSection={state === "ok" ? <IconWallet size={14} stroke={1.8} /> : <IconAlertTriangle size={14} stroke={1.8} />}
    >
      {formatCents(balance.data.balanceCents, balance.data.currency)}
    </Badge>
  );
}
