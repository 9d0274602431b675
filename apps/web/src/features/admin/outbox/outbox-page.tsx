import { Badge, Code, EmptyState, Group, Loader, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconMail, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { DateCell } from "../../../components/date-cell";
import { PageHeader } from "../../../components/page-header";
import { ListCard, RowsTable, type Column } from "../../../components/data-table";
import type { OutboxEmail } from "../../../lib/trpc";
import { EMAIL_STATUS_COLORS } from "./email-status";
import { OutboxEmailDrawer } from "./outbox-email-drawer";
import { useOutbox } from "./use-outbox";

const COLUMNS: Column<OutboxEmail>[] = [
  { header: "To", td: { fw: 500 }, cell: (email) => email.toAddress },
  {
    header: "Subject",
    td: { maw: 320 },
    cell: (email) => (
      <Text size="sm" truncate="end">
        {email.subject}
      </Text>
    ),
  },
  { header: "Template", cell: (email) => <Code>{email.template}</Code> },
  {
    header: "Status",
    cell: (email) => (
      <Badge variant="light" color={EMAIL_STATUS_COLORS[email.status] ?? "gray"}>
        {email.status}
      </Badge>
    ),
  },
  { header: "Queued", cell: (email) => <DateCell iso={email.createdAt} /> },
];

/** A row opens the email (click or Enter). */
function OutboxTable({ emails, onOpen }: { emails: OutboxEmail[]; onOpen: (id: string) => void }) {
  const rowProps = (email: OutboxEmail) => ({
    "data-testid": "outbox-row",
    onClick: () => onOpen(email.id),
    onKeyDown: (e: { key: string }) => e.key === "Enter" && onOpen(email.id),
    tabIndex: 0,
    style: { cursor: "pointer" },
  });
  return <RowsTable rows={emails} columns={COLUMNS} rowKey={(email) => email.id} rowProps={rowProps} minWidth={820} />;
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
