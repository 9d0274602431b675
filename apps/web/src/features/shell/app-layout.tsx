import { AppShell, Burger, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet } from "react-router";
import { Logo } from "../../components/logo";
import { EmailVerificationBanner } from "../auth/email-verification-banner";
import { PendingInvitationsNotice } from "../auth/pending-invitations-notice";
import { BalanceBadge } from "../billing/balance-badge";
import { OrganizationSwitcher } from "../organizations/organization-switcher";
import { ApiStatus } from "./api-status";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !navOpened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Link to="/" style={{ textDecoration: "none", color: "inherit" }}>
              <Logo />
            </Link>
            <OrganizationSwitcher />
          </Group>
          <Group gap="md" wrap="nowrap">
            <BalanceBadge />
            <ApiStatus />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <NavLinks onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <EmailVerificationBanner />
        <PendingInvitationsNotice />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
