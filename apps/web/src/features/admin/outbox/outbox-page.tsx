import { Badge, Code, EmptyState, Group, Loader, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconMail, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { DateCell } from "../../../components/date-cell";
import { PageHeader } from "../../../components/page-header";
import { ListCard } from "../../../components/data-table";
import type { OutboxEmail } from "../../../lib/trpc";
import { EMAIL_STATUS_COLORS } from "./email-status";
import { OutboxEmailDrawer } from "./outbox-email-drawer";
import { useOutbox } from "./use-outbox";

function OutboxTable({ emails, onOpen }: { emails: OutboxEmail[]; onOpen: (id: string) => void }) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>To</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Template</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Queued</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {emails.map((email) => (
            <Table.Tr
              key={email.id}
              data-testid="outbox-row"
              onClick={() => onOpen(email.id)}
              onKeyDown={(e) => e.key === "Enter" && onOpen(email.id)}
              tabIndex={0}
              style={{ cursor: "pointer" }}
            >
              <Table.Td fw={500}>{email.toAddress}</Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" truncate="end">
                  {email.subject}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code>{email.template}</Code>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={EMAIL_STATUS_COLORS[email.status] ?? "gray"}>
                  {email.status}
                </Badge>
              </Table.Td>
              <Table.Td>
                <DateCell iso={email.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function OutboxPage() {
  const [search, setSearch] = useState("");
  const [typed] = useDebouncedValue(search.trim(), 300);
  // The api matches whole addresses only; half-typed ones would just empty the list.
  const [to, setTo] = useState("");
  if ((typed === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(typed)) && typed !== to) setTo(typed);
  const emails = useOutbox(to);
  // The open email is in the URL, so it can be linked to.
  const [params, setParams] = useSearchParams();
  const openId = params.get("email");
  const setOpen = (id: string | null) => setParams(id ? { email: id } : {}, { replace: true });


  return (
    <>
      <PageHeader title="Outbox" description="Every email Atrium has queued or sent, newest first. Click one to see it as the recipient does." />
      <Group mb="md">
        <TextInput
          placeholder="Recipient address, e.g. nora@example.com"
          aria-label="Filter by recipient"
          leftSection={<IconSearch size={16} />}
          rightSection={emails.isFetching && !emails.isPending ? <Loader size={14} /> : null}
          w={{ base: "100%", sm: 340 }}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      </Group>
      <ListCard
        query={emails}
        errorTitle="Couldn't load the outbox"
        loadingLabel="Loading emails"
        loadingRows={5}
        empty={
          <EmptyState
            py="xl"
            icon={<IconMail size={28} />}
            variant="light"
            title={to ? `No emails to “${to}”` : "No emails yet"}
            description="Welcome, password reset and invitation emails are recorded here, whichever transport delivers them."
          />
        }
      >
        {(rows) => (
          <OutboxTable emails={rows} onOpen={setOpen} />
        )}
      </ListCard>
      <OutboxEmailDrawer id={openId} fallback={emails.data?.find((e) => e.id === openId)} onClose={() => setOpen(null)} />
    </>
  );
}
