import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { ListSkeleton } from "../../components/list-skeleton";
import { QueryError } from "../../components/query-error";
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
      {balance.isPending ? (
        <Skeleton h={40} w={160} aria-label="Loading your balance" />
      ) : balance.isError ? (
        <QueryError error={balance.error} title="Couldn't load your balance" onRetry={() => void balance.refetch()} />
      ) : (
        <Stack gap={4}>
          <Text fz={32} fw={700} style={{ fontVariantNumeric: "tabular-nums" }} data-testid="dashboard-balance-amount">
            {formatCents(balance.data.balanceCents, balance.data.currency)}
          </Text>
          <Text size="sm" c={balance.data.isLow ? "yellow.8" : "dimmed"}>
            {balance.data.isLow ? "Low: top up to keep jobs running." : "Prepaid; each job is charged when it finishes."}
          </Text>
          <Button component={Link} to="/billing" variant="light" size="xs" mt="xs" w="fit-content">
            Top up
          </Button>
        </Stack>
      )}
    </Paper>
  );
}

export function RecentJobs() {
  const jobs = useRecentJobs();
  let body;
  if (jobs.isPending) body = <ListSkeleton rows={3} label="Loading recent jobs" />;
  else if (jobs.isError) body = <QueryError error={jobs.error} title="Couldn't load your jobs" onRetry={() => void jobs.refetch()} />;
  else if (jobs.data.items.length === 0) body = <Text size="sm" c="dimmed" data-testid="recent-jobs-empty">No jobs yet. Open a document and press Run analysis.</Text>;
  else {
    body = (
      <Stack gap="sm">
        {jobs.data.items.map((job) => (
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
    );
  }
  return (
    <Paper withBorder radius="md" p="lg" h="100%" data-testid="recent-jobs">
      <CardTitle title="Recent jobs" to="/jobs" more="All jobs" />
      {body}
    </Paper>
  );
}

export function RecentDocuments() {
  const documents = useRecentDocuments();
  let body;
  if (documents.isPending) body = <ListSkeleton rows={3} label="Loading recent documents" />;
  else if (documents.isError) body = <QueryError error={documents.error} title="Couldn't load your documents" onRetry={() => void documents.refetch()} />;
  else if (documents.data.items.length === 0) body = <Text size="sm" c="dimmed" data-testid="recent-documents-empty">No documents yet. Upload a resume, a job description or a worklog.</Text>;
  else {
    body = (
      <Stack gap="sm">
        {documents.data.items.map((doc) => (
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
    );
  }
  return (
    <Paper withBorder radius="md" p="lg" h="100%" data-testid="recent-documents">
      <CardTitle title="Recent documents" to="/documents" more="All documents" />
      {body}
    </Paper>
  );
}
