// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/Tabs.css";
import { Button, Group, Paper, Stack, Tabs, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconExternalLink, IconPencil } from "@tabler/icons-react";
import { Link, useParams, useSearchParams } from "react-router";
import { QueryState } from "../../components/query-state";
import { formatDateTime } from "../../lib/format";
import type { Posting } from "../../lib/trpc";
import { Crumbs } from "./crumbs";
import { PostingActions } from "./posting-actions";
import { AssistantPanel } from "./assistant-panel";
import { PostingApplications } from "./posting-applications";
import { PostingBody } from "./posting-body";
import { PostingFormModal } from "./posting-form-modal";
import { PostingStatusBadge } from "./posting-status-badge";
import { usePosting } from "./use-postings";
import { useRecruitingAccess } from "./use-recruiting-access";

const TABS = ["applications", "posting"] as const;

function Header({ posting, manage, boardSlug }: { posting: Posting; manage: boolean; boardSlug: string | undefined }) {
  const [editing, editDialog] = useDisclosure(false);
  const when = posting.status === "published" && posting.publishedAt ? `Published ${formatDateTime(posting.publishedAt)}` : posting.status === "closed" && posting.closedAt ? `Closed ${formatDateTime(posting.closedAt)}` : `Draft, last saved ${formatDateTime(posting.updatedAt)}`;
  return (
    <Group justify="space-between" align="flex-end" mb="lg" wrap="wrap">
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Title order={2}>{posting.title}</Title>
          <PostingStatusBadge status={posting.status} />
        </Group>
        <Text c="dimmed" size="sm">
          {when}
        </Text>
      </Stack>
      <Group gap="xs" wrap="wrap">
        {posting.status === "published" && boardSlug && (
          <Button variant="subtle" component={Link} to={`/jobs/${boardSlug}/${posting.id}`} leftSection={<IconExternalLink size={16} />}>
            View on job board
          </Button>
        )}
        {manage && (
          <>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editDialog.open}>
              Edit
            </Button>
            <PostingActions posting={posting} size="sm" />
          </>
        )}
      </Group>
      <PostingFormModal posting={posting} opened={editing} onClose={editDialog.close} />
    </Group>
  );
}

/**
 * One posting in the HR portal. Its "Applications" tab is where the posting's applications
 * (board and table) live; the posting tab shows the text candidates read.
 */
export function PostingPage() {
  const { postingId = "" } = useParams();
  const posting = usePosting(postingId);
  const access = useRecruitingAccess();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get("tab")) ?? "applications";

  return (
    <>
      <Crumbs to="/recruiting/postings" label="Job postings" current={posting.data?.title ?? "Posting"} />
      <QueryState query={posting} errorTitle="Couldn't load this posting">
        {(p) => (
          <>
            <Header posting={p} manage={access.rightsIn(p.accountId).manage} boardSlug={access.accounts.find((a) => a.id === p.accountId)?.slug} />
            <Tabs value={tab} onChange={(v) => setParams(v && v !== "applications" ? { tab: v } : {}, { replace: true })} keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="applications">Applications</Tabs.Tab>
                <Tabs.Tab value="posting">Posting</Tabs.Tab>
                <Tabs.Tab value="ask">Ask</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="applications">
                {p.status === "draft" ? (
                  <Paper withBorder radius="md" p="lg" data-testid="posting-applications">
                    <Text c="dimmed" size="sm">
                      Publish the posting to start receiving applications.
                    </Text>
                  </Paper>
                ) : (
                  <PostingApplications postingId={p.id} manage={access.rightsIn(p.accountId).manage} />
                )}
              </Tabs.Panel>
              <Tabs.Panel value="posting">
                <Paper withBorder radius="md" p="lg">
                  <PostingBody posting={p} />
                </Paper>
              </Tabs.Panel>
              <Tabs.Panel value="ask">
                <AssistantPanel postingId={p.id} />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </QueryState>
    </>
  );
}
