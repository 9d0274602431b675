import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { ListSkeleton } from "../../components/list-skeleton";
import { QueryState } from "../../components/query-state";
import { formatRelative } from "../../lib/format";
import { formatCents } from "../../lib/money";
import { useBalance } from "../billing/use-billing";
import { kindColor, kindLabel } from "../documents/document-labels";
import { jobSubject } from "../jobs/job-event-labels";
import { jobTypeLabel } from "../jobs/job-labels";
import { JobStatusBadge } from "../jobs/job-status-badge";
import { useRecentDocuments, useRecentJobs } from "./use-dashboard";

function CardTitle({ title, to, more }: { title: string; to: string; more: string }) {
  return (
    <Group justify="space-between" mb="sm" wrap="nowrap" gap="xs">
      <Title order={4}>{title}</Title>
      <Anchor component={Link} to={to} size="sm" style={{ whiteSpace: "nowrap" }}>
        {more}
      </Anchor>
    </Group>
  );
}

export function BalanceSummary() {
  const balance = useBalance();
  return (
    <Paper withBorder radius="md" p="lg" h="100%" data-testid="dashboard-balance">
      <CardTitle title="Balance" to="/billing" more="Billing" />
      <QueryState query={balance} loading={<Skeleton h={40} w={160} aria-label="Loading your balance" />} errorTitle="Couldn't load your balance">
        {(data) => (
          <Stack gap={4}>
            <Text fz={32} fw={700} style={{ fontVariantNumeric: "tabular-nums" }} data-testid="dashboard-balance-amount">
              {formatCents(data.balanceCents, data.currency)}
            </Text>
            <Text size="sm" c={data.isLow ? "yellow.8" : "dimmed"}>
              {data.isLow ? "Low: top up to keep jobs running." : "Prepaid; each job is charged when it finishes."}
            </Text>
            <Button component={Link} to="/billing" variant="light" size="xs" mt="xs" w="fit-content">
              Top up
            </Button>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

export function RecentJobs() {
  const jobs = useRecentJobs();
  return (
    <Paper withBorder radius="md" p="lg" h="100%" data-testid="recent-jobs">
      <CardTitle title="Recent jobs" to="/jobs" more="All jobs" />
      <QueryState
        query={jobs}
        loading={<ListSkeleton rows={3} label="Loading recent jobs" />}
        errorTitle="Couldn't load your jobs"
        empty={<Text size="sm" c="dimmed" data-testid="recent-jobs-empty">No jobs yet. Open a document and press Run analysis.</Text>}
      >
        {(data) => (
          <Stack gap="sm">
            {data.items.map((job) => (
              <Group key={job.id} justify="space-between" wrap="nowrap" data-testid="recent-job">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/jobs/${job.id}`} size="sm" fw={500}>
                    {jobTypeLabel(job.type)}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {[jobSubject(job), formatRelative(job.queuedAt)].filter(Boolean).join(" · ")}
                  </Text>
                </div>
                <JobStatusBadge status={job.status} />
              </Group>
            ))}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

export function RecentDocuments() {
  const documents = useRecentDocuments();
  return (
    <Paper withBorder radius="md" p="lg" h="100%" data-testid="recent-documents">
      <CardTitle title="Recent documents" to="/documents" more="All documents" />
      <QueryState
        query={documents}
        loading={<ListSkeleton rows={3} label="Loading recent documents" />}
        errorTitle="Couldn't load your documents"
        empty={<Text size="sm" c="dimmed" data-testid="recent-documents-empty">No documents yet. Upload a resume, a job description or a worklog.</Text>}
      >
        {(data) => (
          <Stack gap="sm">
            {data.items.map((doc) => (
              <Group key={doc.id} justify="space-between" wrap="nowrap" data-testid="recent-document">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/documents/${doc.id}`} size="sm" fw={500} style={{ wordBreak: "break-word" }}>
                    {doc.filename}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatRelative(doc.createdAt)}
                  </Text>
                </div>
                <Badge variant="light" color={kindColor(doc.kind)}>
                  {kindLabel(doc.kind)}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
