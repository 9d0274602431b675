// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/Tabs.css";
import { Badge, Button, EmptyState, Group, Skeleton, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconBuildingCommunity, IconMail, IconSettings, IconUsers, IconUsersGroup } from "@tabler/icons-react";
import { useEffect } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { QueryError } from "../../components/query-error";
import { isClientError } from "../../lib/errors";
import { useCurrentUser } from "../auth/current-user";
import { TeamsTab } from "../teams/teams-tab";
import { InvitationsTab } from "./invitations-tab";
import { MembersTab } from "./members-tab";
import { OrganizationDetailsTab } from "./organization-details-tab";
import { atLeast, ROLE_COLORS, ROLE_LABELS } from "./roles";
import { useCurrentOrganization } from "./use-current-organization";
import { useOrganization } from "./use-organizations";

const TABS = ["general", "members", "invitations", "teams"] as const;
type Tab = (typeof TABS)[number];

function NotFound() {
  return (
    <EmptyState py={80} icon={<IconBuildingCommunity size={28} />} variant="light" title="Organization not found" description="It may have been deleted, or you are no longer a member.">
      <EmptyState.Actions>
        <Button component={Link} to="/org">
          Go to your organization
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

export function OrganizationPage() {
  const { id = "" } = useParams();
  const { user } = useCurrentUser();
  const org = useOrganization(id);
  const { memberships, current, select } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((t) => t === params.get("tab")) ?? "general";

  // Opening one of my organizations' pages (a link, a bookmark) makes it the current one.
  // (An account admin may open an organization they aren't a member of; the switcher doesn't list those.)
  const loadedId = org.data?.id;
  const isMine = !!memberships.data?.organizations.some((o) => o.id === loadedId);
  useEffect(() => {
    if (loadedId && isMine && current?.id !== loadedId) select(loadedId);
  }, [loadedId, isMine, current?.id, select]);

  if (org.isPending) {
    return (
      <Stack aria-label="Loading organization">
        <Skeleton h={36} w={280} />
        <Skeleton h={18} w={420} />
        <Skeleton h={240} mt="lg" />
      </Stack>
    );
  }
  if (org.isError) return isClientError(org.error) ? <NotFound /> : <QueryError error={org.error} title="Couldn't load the organization" onRetry={() => void org.refetch()} />;

  const canManage = atLeast(org.data.role, "admin", user.isStaff);
  return (
    <>
      <Group justify="space-between" align="flex-end" mb="lg">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{org.data.name}</Title>
            {org.data.role && (
              <Badge variant="light" color={ROLE_COLORS[org.data.role]}>
                {ROLE_LABELS[org.data.role]}
              </Badge>
            )}
          </Group>
          <Text c="dimmed">{org.data.description || `Settings, members and teams of ${org.data.name}.`}</Text>
        </Stack>
      </Group>
      <Tabs value={tab} onChange={(value) => setParams(value && value !== "general" ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="general" leftSection={<IconSettings size={16} />}>
            General
          </Tabs.Tab>
          <Tabs.Tab value="members" leftSection={<IconUsers size={16} />}>
            Members
          </Tabs.Tab>
          {canManage && (
            <Tabs.Tab value="invitations" leftSection={<IconMail size={16} />}>
              Invitations
            </Tabs.Tab>
          )}
          <Tabs.Tab value="teams" leftSection={<IconUsersGroup size={16} />}>
            Teams
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="general">
          <OrganizationDetailsTab organization={org.data} />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersTab organization={org.data} />
        </Tabs.Panel>
        {canManage && (
          <Tabs.Panel value="invitations">
            <InvitationsTab organization={org.data} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="teams">
          <TeamsTab organization={org.data} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
