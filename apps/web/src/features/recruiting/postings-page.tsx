import { Anchor, Button, Group, Select, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { IconBriefcase, IconPlus, IconSearch, IconUsersGroup } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { DateCell } from "../../components/date-cell";
import { FilterBar } from "../../components/filter-bar";
import { ForbiddenPage } from "../../components/forbidden-page";
import { PageHeader } from "../../components/page-header";
import { useUrlFilters } from "../../lib/use-url-filters";
import type { Posting } from "../../lib/trpc";
import { EmployerPicker } from "./employer-picker";
import { EMPLOYMENT_LABELS, formatPlace, formatSalary, isPostingStatus, POSTING_STATUSES, STATUS_LABELS } from "./posting-labels";
import { PostingActions } from "./posting-actions";
import { PostingFormModal } from "./posting-form-modal";
import { PostingStatusBadge } from "./posting-status-badge";
import { usePostings } from "./use-postings";
import { useRecruitingAccess } from "./use-recruiting-access";

const FILTER_KEYS = ["status", "q"] as const;
const STATUS_OPTIONS = POSTING_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

function columns(manage: boolean): Column<Posting>[] {
  return [
    {
      header: "Posting",
      cell: (p) => (
        <>
          <Anchor component={Link} to={`/recruiting/postings/${p.id}`} fw={500} size="sm">
            {p.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatPlace(p)} · {EMPLOYMENT_LABELS[p.employmentType]}
          </Text>
        </>
      ),
    },
    { header: "Status", cell: (p) => <PostingStatusBadge status={p.status} />, th: { w: 130 } },
    { header: "Salary", cell: (p) => <Text size="sm">{formatSalary(p) ?? "—"}</Text> },
    { header: "Updated", cell: (p) => <DateCell iso={p.updatedAt} />, th: { w: 140 } },
    ...(manage ? [{ cell: (p: Posting) => <PostingActions posting={p} />, td: { ta: "right" as const } }] : []),
  ];
}

/** The HR portal's postings: every status, filters in the URL, create and publish for recruiters and admins. */
export function PostingsPage() {
  const access = useRecruitingAccess();
  const [params, setParams] = useUrlFilters(FILTER_KEYS);
  const status = isPostingStatus(params.status) ? params.status : null;
  const [search, setSearch] = useState(params.q ?? "");
  const [q] = useDebouncedValue(search.trim(), 300);
  const postings = usePostings(access.account?.id, { status, q });
  const [creating, createDialog] = useDisclosure(false);
  const navigate = useNavigate();

  if (!access.loading && !access.read) {
    return <ForbiddenPage title="Recruiting is for your hiring team" description="Ask an admin of your account for the recruiter or hiring manager role." />;
  }
  const filtered = !!status || !!q;
  const createButton = access.manage && (
    <Button leftSection={<IconPlus size={16} />} onClick={createDialog.open}>
      New posting
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Job postings"
        description={`${access.account ? `${access.account.name}'s` : "Your"} open roles: drafts, what is on the public job board, and what is closed.`}
        actions={
          <Group gap="xs" wrap="wrap">
            <EmployerPicker access={access} />
            {access.admin && (
              <Button variant="default" component={Link} to="/recruiting/team" leftSection={<IconUsersGroup size={16} />}>
                Hiring team
              </Button>
            )}
            {createButton}
          </Group>
        }
      />
      <FilterBar
        active={filtered}
        onClear={() => {
          setSearch("");
          setParams({});
        }}
        refreshing={postings.isFetching && !postings.isPending}
      >
        <TextInput
          aria-label="Search postings"
          placeholder="Search title or location"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setParams({ status, q: e.currentTarget.value.trim() || null });
          }}
          w={260}
        />
        <Select placeholder="Any status" aria-label="Filter by status" data={STATUS_OPTIONS} value={status} onChange={(v) => setParams({ q: search.trim() || null, status: v })} clearable w={180} />
      </FilterBar>
      <DataTable
        query={postings}
        columns={columns(access.manage)}
        rowKey={(p) => p.id}
        rowProps={(p) => ({ "data-testid": "posting-row", "data-status": p.status })}
        minWidth={760}
        errorTitle="Couldn't load your postings"
        loadingLabel="Loading postings"
        loadMoreLabel="Load older postings"
        empty={{
          icon: <IconBriefcase size={28} />,
          title: filtered ? "No postings match these filters" : "No postings yet",
          description: filtered ? "Clear a filter to see the rest." : "Write your first posting: it stays a draft until you publish it on your job board.",
          testId: "postings-empty",
          action: !filtered && createButton,
        }}
      />
      <PostingFormModal accountId={access.account?.id} opened={creating} onClose={createDialog.close} onCreated={(p) => void navigate(`/recruiting/postings/${p.id}`)} />
    </>
  );
}
