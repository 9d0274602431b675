import { NavLink, Stack } from "@mantine/core";
import { IconBook, IconKey, IconLayoutDashboard, IconUser, type Icon } from "@tabler/icons-react";
import { Link, useLocation } from "react-router";

const LINKS: { to: string; label: string; icon: Icon }[] = [
  { to: "/", label: "Dashboard", icon: IconLayoutDashboard },
  { to: "/profile", label: "Profile", icon: IconUser },
  { to: "/api-keys", label: "API keys", icon: IconKey },
];

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const isActive = (to: string) => (to === "/" ? pathname === "/" : pathname.startsWith(to));
  return (
    <Stack gap={4} justify="space-between" h="100%">
      <Stack gap={4}>
        {LINKS.map(({ to, label, icon: LinkIcon }) => (
          <NavLink
            key={to}
            component={Link}
            to={to}
            label={label}
            active={isActive(to)}
            onClick={onNavigate}
            leftSection={<LinkIcon size={18} stroke={1.6} />}
            style={{ borderRadius: "var(--mantine-radius-md)" }}
          />
        ))}
      </Stack>
      {/* Served by the api (Swagger UI), not a route of this app. */}
      <NavLink href="/api/docs" target="_blank" label="API reference" leftSection={<IconBook size={18} stroke={1.6} />} style={{ borderRadius: "var(--mantine-radius-md)" }} />
    </Stack>
  );
}
