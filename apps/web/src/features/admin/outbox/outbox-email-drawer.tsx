// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/Tabs.css";
import { Alert, Badge, Box, Code, Drawer, Group, Skeleton, Stack, Table, Tabs, Text } from "@mantine/core";
import { IconAlertCircle, IconCode, IconFileText, IconMail } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { QueryError } from "../../../components/query-error";
import { formatDateTime } from "../../../lib/format";
import type { OutboxEmail } from "../../../lib/trpc";
import { EMAIL_STATUS_COLORS } from "./email-status";
import { useOutboxEmail } from "./use-outbox";

function EmailView({ email }: { email: OutboxEmail }) {
  const rows: [string, ReactNode][] = [
    ["To", email.toAddress],
    ["Template", <Code key="t">{email.template}</Code>],
    [
      "Status",
      <Group key="s" gap="xs">
        <Badge variant="light" color={EMAIL_STATUS_COLORS[email.status] ?? "gray"}>
          {email.status}
        </Badge>
        <Text size="xs" c="dimmed">
          {email.transport ? `via ${email.transport}, ` : ""}
          {email.attempts} attempt{email.attempts === 1 ? "" : "s"}
        </Text>
      </Group>,
    ],
    ["Queued", formatDateTime(email.createdAt)],
    ["Sent", email.sentAt ? formatDateTime(email.sentAt) : "—"],
  ];
  return (
    <Stack>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={110}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {email.error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Delivery error">
          {email.error}
        </Alert>
      )}
      <Tabs defaultValue="html">
        <Tabs.List>
          <Tabs.Tab value="html" leftSection={<IconCode size={16} />}>
            HTML
          </Tabs.Tab>
          <Tabs.Tab value="text" leftSection={<IconFileText size={16} />}>
            Text
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="html" pt="sm">
          {/* Sandboxed with no permissions: the markup can't run scripts, submit forms or reach this app. */}
          <Box
            component="iframe"
            title={`Rendered email: ${email.subject}`}
            sandbox=""
            srcDoc={email.html}
            data-testid="outbox-html"
            w="100%"
            h={520}
            bg="white"
            style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: "var(--mantine-radius-md)" }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <Code block data-testid="outbox-text" style={{ whiteSpace: "pre-wrap" }}>
            {email.text}
          </Code>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function OutboxEmailDrawer({ id, fallback, onClose }: { id: string | null; fallback?: OutboxEmail; onClose: () => void }) {
  const email = useOutboxEmail(id);
  const shown = email.data ?? fallback;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        <Group gap="xs" wrap="nowrap">
          <IconMail size={18} />
          <Text fw={600} truncate="end">
            {shown?.subject ?? "Email"}
          </Text>
        </Group>
      }
    >
      {shown ? (
        <EmailView email={shown} />
      ) : email.isError ? (
        <QueryError error={email.error} title="Couldn't load the email" onRetry={() => void email.refetch()} />
      ) : (
        <Stack>
          <Skeleton h={160} />
          <Skeleton h={400} />
        </Stack>
      )}
    </Drawer>
  );
}
