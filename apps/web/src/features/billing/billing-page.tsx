import { EmptyState, Grid, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconWallet } from "@tabler/icons-react";
import { PageHeader } from "../../components/page-header";
import { useCurrentUser } from "../auth/current-user";
import { atLeast } from "../organizations/roles";
import { useMyMemberships } from "../organizations/use-current-organization";
import { BalanceCard } from "./balance-card";
import { LedgerCard } from "./ledger-card";
import { PolicyCard } from "./policy-card";
import { TopupModal } from "./topup-modal";
import { useBalance } from "./use-billing";
import { useTopupReturn } from "./use-topup-return";

/** The home account's reserve: balance and top-up, the ledger, and the low-balance policy. */
export function BillingPage() {
  const { user, account } = useCurrentUser();
  const memberships = useMyMemberships();
  const balance = useBalance();
  const { processing } = useTopupReturn();
  const [toppingUp, topupDialog] = useDisclosure(false);

  if (!account) {
    return (
      <>
        <PageHeader title="Billing" />
        <EmptyState py={80} icon={<IconWallet size={28} />} variant="light" title="No account to bill" description="Billing belongs to an account. Join or create one to get a balance." />
      </>
    );
  }

  // Top-ups and policy changes need billing.manage (account admins and owners). Hiding them
  // is only a courtesy: the api's policy refuses them to anyone else anyway.
  const role = memberships.data?.accounts.find((a) => a.id === account.id)?.role;
  const canEdit = atLeast(role, "admin", user.isStaff);
  return (
    <>
      <PageHeader title="Billing" description={`The prepaid balance of ${account.name}: jobs are paid from it, top-ups add to it.`} />
      <Stack gap="lg">
        <Grid gap="lg" align="stretch">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <BalanceCard onTopUp={topupDialog.open} canTopUp={canEdit} processing={processing} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <PolicyCard canEdit={canEdit} />
          </Grid.Col>
        </Grid>
        <LedgerCard currency={balance.data?.currency ?? "usd"} />
      </Stack>
      <TopupModal opened={toppingUp} onClose={topupDialog.close} />
    </>
  );
}
