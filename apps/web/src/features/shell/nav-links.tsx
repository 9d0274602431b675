import { Divider, NavLink, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { IconBell, IconBook, IconBriefcase, IconBuildingCommunity, IconCalendarCheck, IconCalendarEvent, IconChartBar, IconFiles, IconFlag, IconHeartbeat, IconHistory, IconId, IconKey, IconLayoutDashboard, IconListCheck, IconMail, IconMessages, IconSearch, IconStack2, IconTicket, IconUser, IconUserSearch, IconUsers, IconWallet, type Icon } from "@tabler/icons-react";
import { Link, useLocation } from "react-router";
import { useCurrentUser } from "../auth/current-user";
import { useRecruitingAccess } from "../recruiting/use-recruiting-access";

interface NavItem {
  to: string;
  label: string;
  icon: Icon;
  /** Other paths that belong to this entry. */
  also?: string[];
}

const LINKS: NavItem[] = [
  { to: "/", label: "Dashboard", icon: IconLayoutDashboard },
  { to: "/documents", label: "Documents", icon: IconFiles },
  { to: "/jobs", label: "Jobs", icon: IconListCheck },
  { to: "/messages", label: "Messages", icon: IconMessages },
  { to: "/org", label: "Organization", icon: IconBuildingCommunity, also: ["/organizations"] },
  { to: "/profile", label: "Profile", icon: IconUser },
  { to: "/api-keys", label: "API keys", icon: IconKey },
  { to: "/settings/notifications", label: "Notifications", icon: IconBell },
  { to: "/billing", label: "Billing", icon: IconWallet },
];

/** The candidate portal: every signed-in user may look for work, whatever their role in an account. */
const CANDIDATE_LINKS: NavItem[] = [
  { to: "/jobs/search", label: "Find jobs", icon: IconSearch },
  { to: "/candidate/applications", label: "My applications", icon: IconBriefcase },
  { to: "/candidate/interviews", label: "Your interviews", icon: IconCalendarCheck },
  { to: "/candidate/profile", label: "Candidate profile", icon: IconId },
];

const ADMIN_LINKS: NavItem[] = [
  { to: "/admin/users", label: "Users", icon: IconUsers },
  { to: "/admin/invite-keys", label: "Invite keys", icon: IconTicket },
  { to: "/admin/organizations", label: "Organizations", icon: IconBuildingCommunity },
  { to: "/admin/audit", label: "Audit log", icon: IconHistory },
  { to: "/admin/outbox", label: "Outbox", icon: IconMail },
  { to: "/admin/billing", label: "Billing", icon: IconChartBar },
  { to: "/admin/jobs", label: "Jobs", icon: IconStack2 },
  { to: "/admin/system", label: "System", icon: IconHeartbeat },
  { to: "/admin/flags", label: "Flags", icon: IconFlag },
];

/** The HR portal: only for members the policy lets read recruiting in one of their accounts. */
const RECRUITING_LINK: NavItem = { to: "/recruiting/postings", label: "Recruiting", icon: IconUserSearch, also: ["/recruiting/postings", "/recruiting/team", "/recruiting/applications"] };
/** The interviewer's list and the reports: for the same members, each its own entry (so "Recruiting" stops at the portal's pages). */
const RECRUITING_MORE: NavItem[] = [
  { to: "/recruiting/interviews", label: "My interviews", icon: IconCalendarEvent },
  { to: "/recruiting/reports", label: "Recruiting reports", icon: IconChartBar },
];

/** A titled group of links under a divider: which hat the user wears there (hiring, looking for work, running the system). */
function NavSection({ label, items, render }: { label: string; items: NavItem[]; render: (item: NavItem) => ReactNode }) {
  return (
    <>
      <Divider my="xs" />
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
        {label}
      </Text>
      {items.map(render)}
    </>
  );
}

const linkStyle = { borderRadius: "var(--mantine-radius-md)" };

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const { user } = useCurrentUser();
  const recruiting = useRecruitingAccess();
  const isActive = ({ to, also = [] }: NavItem) => (to === "/" ? pathname === "/" : [to, ...also].some((p) => pathname.startsWith(p)));
  const renderLink = (item: NavItem) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={item.label}
      active={isActive(item)}
      onClick={onNavigate}
      leftSection={<item.icon size={18} stroke={1.6} />}
      style={linkStyle}
    />
  );
  return (
    <Stack gap={4} justify="space-between" h="100%">
      <Stack gap={4}>
        {LINKS.map(renderLink)}
        {recruiting.read && <NavSection label="Hiring" items={[RECRUITING_LINK, ...RECRUITING_MORE]} render={renderLink} />}
        <NavSection label="Candidate" items={CANDIDATE_LINKS} render={renderLink} />
        {/* Staff only: the api refuses these procedures to anyone else anyway. */}
        {user.isStaff && <NavSection label="Admin" items={ADMIN_LINKS} render={renderLink} />}
      </Stack>
      {/* Served by the api (Swagger UI), not a route of this app. */}
      <NavLink href="/api/docs" target="_blank" label="API reference" leftSection={<IconBook size={18} stroke={1.6} />} style={linkStyle} />
    </Stack>
  );
}
