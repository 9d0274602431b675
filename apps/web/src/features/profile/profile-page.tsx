import { Avatar, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { PageHeader } from "../../components/page-header";
import { formatDateTime, formatRelative } from "../../lib/format";
import { useCurrentUser } from "../auth/current-user";
import { displayName } from "../auth/use-me";
import { ChangeEmailCard } from "./change-email-card";
import { ROLE_COLORS, ROLE_LABELS } from "../organizations/roles";
import { ChangePasswordCard } from "./change-password-card";
import { DisplayNameCard } from "./display-name-card";

const AUTH_METHODS = { session: "Session cookie", api_key: "API key" } as const;

function when(iso: string | null, none = "Never"): ReactNode {
  if (!iso) return <Text span inherit c="dimmed">{none}</Text>;
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
  const { user, account, accountRole, authMethod } = useCurrentUser();
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
    ["Account", account ? `${account.name} (${account.slug})` : <Text c="dimmed">None</Text>],
    // The tenant role in the home account; platform staff is a separate flag, shown on its own row.
    [
      "Role in account",
      accountRole ? (
        <Badge color={ROLE_COLORS[accountRole]} variant="light" data-testid="account-role">
          {ROLE_LABELS[accountRole]}
        </Badge>
      ) : (
        <Text c="dimmed">None</Text>
      ),
    ],
    ["Platform staff", user.isStaff ? <Badge color="grape">Staff</Badge> : <Text c="dimmed">No</Text>],
    ["Signed in", when(user.lastLoginAt, authMethod === "api_key" ? "Not with a password yet" : "Never")],
    ["Previous sign-in", when(user.previousLoginAt, "None: this is your first sign-in")],
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
              <Table.Tr key={label} data-testid="profile-row" data-label={label}>
                <Table.Th w={180}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Stack mt="xl">
        <DisplayNameCard key={user.displayName ?? ""} current={user.displayName} username={user.username} />
        <ChangeEmailCard />
        <ChangePasswordCard />
      </Stack>
    </>
  );
}
