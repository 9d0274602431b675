import { Menu, Text } from "@mantine/core";
import { IconCheck, IconPlus, IconSettings } from "@tabler/icons-react";
import { Fragment } from "react";
import { Link } from "react-router";
import type { DeferredPopupProps } from "../../components/deferred";
import type { MyOrganization } from "../../lib/trpc";
import { ROLE_LABELS } from "./roles";
import type { useMyMemberships } from "./use-current-organization";

export interface SwitcherGroup {
  id: string;
  name: string;
  organizations: MyOrganization[];
}

interface SwitcherPopupProps {
  memberships: ReturnType<typeof useMyMemberships>;
  groups: SwitcherGroup[];
  current: MyOrganization | null;
  choose: (id: string) => void;
  onCreate: () => void;
}

/** The organization switcher's dropdown, fetched when the pointer first reaches it (see Deferred). */
export function OrganizationSwitcherPopup({ trigger, defaultOpened, memberships, groups, current, choose, onCreate }: DeferredPopupProps & SwitcherPopupProps) {
  const organizations = memberships.data?.organizations ?? [];
  return (
    <Menu position="bottom-start" width={280} shadow="md" defaultOpened={defaultOpened}>
      <Menu.Target>{trigger}</Menu.Target>
      <Menu.Dropdown>
        {memberships.isError && <Menu.Label c="red">Couldn't load your organizations</Menu.Label>}
        {memberships.isSuccess && organizations.length === 0 && <Menu.Label>You aren't in any organization yet</Menu.Label>}
        {groups.map((group) => (
          <Fragment key={group.id}>
            <Menu.Label>{group.name}</Menu.Label>
            {group.organizations.map((org) => (
              <Menu.Item
                key={org.id}
                onClick={() => choose(org.id)}
                rightSection={
                  org.id === current?.id ? (
                    <IconCheck size={14} color="var(--mantine-primary-color-filled)" />
                  ) : (
                    <Text size="xs" c="dimmed">
                      {ROLE_LABELS[org.role]}
                    </Text>
                  )
                }
              >
                {org.name}
              </Menu.Item>
            ))}
          </Fragment>
        ))}
        <Menu.Divider />
        {current && (
          <Menu.Item component={Link} to={`/organizations/${current.id}`} leftSection={<IconSettings size={16} />}>
            Organization settings
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconPlus size={16} />} onClick={onCreate}>
          Create organization
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
