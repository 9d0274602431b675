import { Avatar, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { PageHeader } from "../../components/page-header";
import { formatDateTime, formatRelative } from "../../lib/format";
import { useCurrentUser } from "../auth/current-user";
import { displayName } from "../auth/use-me";
import { ChangeEmailCard } from "./change-email-card";
import { ChangePasswordCard } from "./change-password-card";

const AUTH_METHODS = { session: "Session cookie", api_key: "API key" } as const;

function when(iso: string | null): ReactNode {
  if (!iso) return <Text c="dimmed">Never</Text>;
  return (
    <span title={formatDateTime(iso)}>
      {formatDateTime(iso)}{" "}
      <Text span c="dimmed" size="sm">
        ({formatRelative(iso)})
      </Text>
    </span>
  );
}

export function ProfilePage() {
  const { user, account, authMethod } = useCurrentUser();
  const name = displayName(user);
  const rows: [string, ReactNode][] = [
    ["Username", user.username],
    [
      "Email",
      <Group gap="xs" key="email">
        {user.email}
        {user.emailVerifiedAt ? (
          <Badge color="teal" variant="light">
            Verified
          </Badge>
        ) : (
          <Badge color="yellow" variant="light">
            Unverified
          </Badge>
        )}
      </Group>,
    ],
    ["Display name", user.displayName ?? <Text c="dimmed">Not set</Text>],
    ["Role", user.isStaff ? <Badge color="grape">Staff</Badge> : <Badge color="gray">Member</Badge>],
    ["Account", account ? `${account.name} (${account.slug})` : <Text c="dimmed">None</Text>],
    ["Last login", when(user.lastLoginAt)],
    ["Member since", when(user.createdAt)],
    ["Signed in with", AUTH_METHODS[authMethod]],
  ];
  return (
    <>
      <PageHeader title="Profile" description="Your account as Atrium sees it." />
      <Paper withBorder radius="md" p="lg" maw={760}>
        <Group mb="lg">
          <Avatar name={name} color="initials" size={56} radius="xl" />
          <Stack gap={0}>
            <Group gap="xs">
              <Title order={3}>{name}</Title>
              {user.isStaff && (
                <Badge color="grape" variant="light">
                  Staff
                </Badge>
              )}
            </Group>
            <Text c="dimmed">@{user.username}</Text>
          </Stack>
        </Group>
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={180}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Stack mt="xl">
        <ChangeEmailCard />
        <ChangePasswordCard />
      </Stack>
    </>
  );
}
