import { Group, Skeleton, Text, ThemeIcon, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBuildingCommunity, IconSelector } from "@tabler/icons-react";
import { lazy, Suspense } from "react";
import { useLocation, useNavigate } from "react-router";
import { Deferred } from "../../components/deferred";
import { useCurrentOrganization } from "./use-current-organization";

const loadPopup = () => import("./organization-switcher-popup").then((m) => m.OrganizationSwitcherPopup);

// Loaded when first opened: the form (and the zod contracts it validates with) stays out of every page's first load.
const CreateOrganizationModal = lazy(() => import("./create-organization-modal").then((m) => ({ default: m.CreateOrganizationModal })));

/** The top bar's organization picker: my organizations grouped by account, the choice remembered. */
export function OrganizationSwitcher() {
  const { memberships, current, select } = useCurrentOrganization();
  const [creating, createDialog] = useDisclosure(false);
  const navigate = useNavigate();
  const { pathname } = useLocation();

  if (memberships.isPending) return <Skeleton h={34} w={180} radius="md" />;

  const organizations = memberships.data?.organizations ?? [];
  const accounts = memberships.data?.accounts ?? [];
  // An organization whose account I don't belong to (joined by invitation) still needs a heading.
  const groups = [
    ...accounts.map((a) => ({ id: a.id, name: a.name })),
    ...[...new Set(organizations.map((o) => o.accountId))].filter((id) => !accounts.some((a) => a.id === id)).map((id) => ({ id, name: "Shared with you" })),
  ]
    .map((a) => ({ ...a, organizations: organizations.filter((o) => o.accountId === a.id) }))
    .filter((g) => g.organizations.length > 0);

  const choose = (id: string) => {
    select(id);
    // On an organization's pages, follow the switch; elsewhere just remember it.
    if (pathname.startsWith("/organizations/") || pathname === "/org") void navigate(`/organizations/${id}`);
  };

  const trigger = (
    <UnstyledButton
      aria-haspopup="menu"
      data-testid="org-switcher"
      // The visible name is part of the accessible one (WCAG 2.5.3: say what you see).
      aria-label={`Switch organization: ${current?.name ?? "No organization"}`}
      px="sm"
      py={6}
      maw={260}
      style={{ borderRadius: "var(--mantine-radius-md)", border: "1px solid var(--mantine-color-default-border)" }}
    >
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon size={22} variant="light" radius="sm">
          <IconBuildingCommunity size={14} />
        </ThemeIcon>
        <Text size="sm" fw={500} truncate="end" c={current ? undefined : "dimmed"}>
          {current?.name ?? "No organization"}
        </Text>
        <IconSelector size={14} stroke={1.5} style={{ flexShrink: 0 }} />
      </Group>
    </UnstyledButton>
  );

  return (
    <>
      <Deferred trigger={trigger} load={loadPopup} props={{ memberships, groups, current, choose, onCreate: createDialog.open }} />
      {creating && (
        <Suspense fallback={null}>
          <CreateOrganizationModal opened={creating} onClose={createDialog.close} />
        </Suspense>
      )}
    </>
  );
}
