import { AppShell, Burger, Group, useMantineTheme } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { Link, Outlet } from "react-router";
import { Logo } from "../../components/logo";
import { EmailVerificationBanner } from "../auth/email-verification-banner";
import { PendingInvitationsNotice } from "../auth/pending-invitations-notice";
import { BalanceBadge } from "../billing/balance-badge";
import { OrganizationSwitcher } from "../organizations/organization-switcher";
import { UnreadBadge } from "../messages/unread-badge";
import { ApiStatus } from "./api-status";
import { MobileAccount } from "./mobile-account";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  // Rendered in one place only (header or drawer), not hidden by CSS: each badge and menu exists once.
  const theme = useMantineTheme();
  const mobile = !useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !navOpened } }} padding="lg">
      {/* The first tab stop: past the header and the navigation, straight to the page. */}
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Link to="/" style={{ textDecoration: "none", color: "inherit" }}>
              <Logo />
            </Link>
            {!mobile && <OrganizationSwitcher />}
          </Group>
          {mobile && <UnreadBadge />}
          {!mobile && (
            <Group gap="md" wrap="nowrap">
              <BalanceBadge />
              <UnreadBadge />
              <ApiStatus />
              <UserMenu />
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {/* The drawer can be taller than a phone: it scrolls rather than hiding its last links (natively:
            Mantine's ScrollArea would put its scrollbar code into every page's first load). */}
        <AppShell.Section grow style={{ overflowY: "auto" }}>
          {mobile && <MobileAccount />}
          <NavLinks onNavigate={nav.close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <EmailVerificationBanner />
        <PendingInvitationsNotice />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
