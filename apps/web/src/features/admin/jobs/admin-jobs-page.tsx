// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/SegmentedControl.css";
import { ActionIcon, Anchor, EmptyState, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconListCheck, IconPlayerStop, IconRotateClockwise } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { DateCell } from "../../../components/date-cell";
import { ListSkeleton } from "../../../components/list-skeleton";
import { LoadMore } from "../../../components/load-more";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { notifyError } from "../../../lib/notify";
import type { Job } from "../../../lib/trpc";
import { JobCost } from "../../jobs/job-cost";
import { isActive, isJobStatus, JOB_STATUSES, jobTypeLabel, STATUS_LABELS } from "../../jobs/job-labels";
import { JobStatusBadge } from "../../jobs/job-status-badge";
import { JobSubject } from "../../jobs/job-subject";
import { useCancelJob } from "../../jobs/use-jobs";
import { QueueStatusCard } from "./queue-status-card";
import { useRetryJob, useSystemJobs } from "./use-admin-jobs";

const FILTERS = [{ value: "all", label: "All" }, ...JOB_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))];

function SystemJobsTable({ jobs }: { jobs: Job[] }) {
  const cancel = useCancelJob();
  const retry = useRetryJob();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Job</Table.Th>
            <Table.Th w={160}>Account</Table.Th>
            <Table.Th w={140}>Status</Table.Th>
            <Table.Th w={90} ta="right">
              Attempts
            </Table.Th>
            <Table.Th w={100} ta="right">
              Cost
            </Table.Th>
            <Table.Th w={140}>Queued</Table.Th>
            <Table.Th w={50} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => (
            <Table.Tr key={job.id} data-testid="system-job-row" data-job-id={job.id} data-status={job.status}>
              <Table.Td>
                <Anchor component={Link} to={`/jobs/${job.id}`} size="sm" fw={500}>
                  {jobTypeLabel(job.type)}
                </Anchor>
                <JobSubject job={job} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" title={job.accountId} data-testid="job-account" lineClamp={2}>
                  {job.accountName ?? "deleted account"}
                </Text>
              </Table.Td>
              <Table.Td>
                <JobStatusBadge status={job.status} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{job.attempts}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <JobCost costCents={job.costCents} estimatedCostCents={job.estimatedCostCents} />
              </Table.Td>
              <Table.Td>
                <DateCell iso={job.queuedAt} />
              </Table.Td>
              <Table.Td>
                {isActive(job.status) && (
                  <Tooltip label={job.cancelRequestedAt ? "Cancel requested" : "Cancel this job"}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Cancel job ${job.id.slice(0, 8)}`}
                      disabled={job.cancelRequestedAt !== null}
                      loading={cancel.isPending && cancel.variables.id === job.id}
                      onClick={() => cancel.mutate(job, { onError: (error) => notifyError(error, "Couldn't cancel the job") })}
                    >
                      <IconPlayerStop size={18} />
                    </ActionIcon>
                  </Tooltip>
                )}
                {(job.status === "failed" || job.status === "cancelled") && (
                  <Tooltip label="Queue this job again">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Retry job ${job.id.slice(0, 8)}`}
                      loading={retry.isPending && retry.variables.id === job.id}
                      onClick={() => retry.mutate(job, { onError: (error) => notifyError(error, "Couldn't retry the job") })}
                    >
                      <IconRotateClockwise size={18} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Staff: every tenant's jobs, the queues behind them and the workers draining them. */
export function AdminJobsPage() {
  const [filter, setFilter] = useState("all");
  const status = isJobStatus(filter) ? filter : null;
  const jobs = useSystemJobs(status);

  let content;
  if (jobs.isPending) content = <ListSkeleton rows={5} label="Loading jobs" />;
  else if (jobs.isError) content = <QueryError error={jobs.error} title="Couldn't load the jobs" onRetry={() => void jobs.refetch()} />;
  else if (jobs.data.length === 0) {
    content = (
      <EmptyState
        py="xl"
        icon={<IconListCheck size={28} />}
        variant="light"
        title={status ? `No ${STATUS_LABELS[status].toLowerCase()} jobs` : "No jobs yet"}
        description="Jobs from every account appear here as they are queued."
      />
    );
  } else {
    content = (
      <>
        <SystemJobsTable jobs={jobs.data} />
        <LoadMore {...jobs} label="Load older jobs" />
      </>
    );
  }

  return (
    <>
      <PageHeader title="Jobs" description="Analysis jobs across all accounts, the queues they wait in, and the workers running them." />
      <Stack gap="lg">
        <QueueStatusCard />
        <Paper withBorder radius="md">
          <Group justify="space-between" p="md" wrap="wrap" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
            <Group gap="xs">
              <Title order={4}>All jobs</Title>
              {jobs.isFetching && !jobs.isPending && <Loader size="xs" aria-label="Refreshing" />}
            </Group>
            <SegmentedControl size="xs" data={FILTERS} value={filter} onChange={setFilter} aria-label="Filter by status" />
          </Group>
          <div style={jobs.isError ? { padding: "var(--mantine-spacing-md)" } : undefined}>{content}</div>
        </Paper>
      </Stack>
    </>
  );
}
