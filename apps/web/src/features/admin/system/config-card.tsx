import { Alert, Badge, Code, Group, Paper, Table, Text, Title } from "@mantine/core";
import { IconSettings } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../../lib/trpc";

/** The api's effective configuration (secrets redacted) and warnings for its environment: what `atrium config check --remote` prints. */
export function ConfigCard() {
  const config = useQuery(trpc.system.config.get.queryOptions({}));
  if (!config.data) return null;
  const set = config.data.entries.filter((e) => e.value !== null);
  return (
    <Paper withBorder radius="md" p="md" data-testid="system-config">
      <Group gap="xs" mb="xs">
        <IconSettings size={18} />
        <Title order={5}>Configuration</Title>
        <Badge variant="light">{config.data.environment}</Badge>
      </Group>
      {config.data.warnings.map((w) => (
        <Alert key={w} color="orange" variant="light" mb="xs">
          {w}
        </Alert>
      ))}
      <Text size="xs" c="dimmed" mb="xs">
        Every variable the api runs with (defaults included); secrets and URL passwords are redacted.
      </Text>
      <Table.ScrollContainer minWidth={500} mah={360}>
        <Table verticalSpacing={4} fz="xs">
          <Table.Tbody>
            {set.map((e) => (
              <Table.Tr key={e.name}>
                <Table.Td w={260}>
                  <Code>{e.name}</Code>
                </Table.Td>
                <Table.Td style={{ wordBreak: "break-all" }}>{e.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
