// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/SegmentedControl.css";
import { ActionIcon, Anchor, SegmentedControl, Stack, Text, Tooltip } from "@mantine/core";
import { IconListCheck, IconPlayerStop, IconRotateClockwise } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../../components/data-table";
import { DateCell } from "../../../components/date-cell";
import { PageHeader } from "../../../components/page-header";
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

type Cancel = ReturnType<typeof useCancelJob>;
type Retry = ReturnType<typeof useRetryJob>;

function JobActions({ job, cancel, retry }: { job: Job; cancel: Cancel; retry: Retry }) {
  return (
    <>
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
    </>
  );
}

function columns(cancel: Cancel, retry: Retry): Column<Job>[] {
  return [
    {
      header: "Job",
      cell: (job) => (
        <>
          <Anchor component={Link} to={`/jobs/${job.id}`} size="sm" fw={500}>
            {jobTypeLabel(job.type)}
          </Anchor>
          <JobSubject job={job} />
        </>
      ),
    },
    {
      header: "Account",
      th: { w: 160 },
      cell: (job) => (
        <Text size="sm" title={job.accountId} data-testid="job-account" lineClamp={2}>
          {job.accountName ?? "deleted account"}
        </Text>
      ),
    },
    { header: "Status", th: { w: 140 }, cell: (job) => <JobStatusBadge status={job.status} /> },
    { header: "Attempts", th: { w: 90, ta: "right" }, td: { ta: "right" }, cell: (job) => <Text size="sm">{job.attempts}</Text> },
    { header: "Cost", th: { w: 100, ta: "right" }, td: { ta: "right" }, cell: (job) => <JobCost costCents={job.costCents} estimatedCostCents={job.estimatedCostCents} /> },
    { header: "Queued", th: { w: 140 }, cell: (job) => <DateCell iso={job.queuedAt} /> },
    { th: { w: 50 }, cell: (job) => <JobActions job={job} cancel={cancel} retry={retry} /> },
  ];
}

/** Staff: every tenant's jobs, the queues behind them and the workers draining them. */
export function AdminJobsPage() {
  const [filter, setFilter] = useState("all");
  const status = isJobStatus(filter) ? filter : null;
  const jobs = useSystemJobs(status);
  const cancel = useCancelJob();
  const retry = useRetryJob();

  return (
    <>
      <PageHeader title="Jobs" description="Analysis jobs across all accounts, the queues they wait in, and the workers running them." />
      <Stack gap="lg">
        <QueueStatusCard />
        <DataTable
          query={jobs}
          title="All jobs"
          showRefreshing
          controls={<SegmentedControl size="xs" data={FILTERS} value={filter} onChange={setFilter} aria-label="Filter by status" />}
          columns={columns(cancel, retry)}
          rowKey={(job) => job.id}
          rowProps={(job) => ({ "data-testid": "system-job-row", "data-job-id": job.id, "data-status": job.status })}
          minWidth={860}
          errorTitle="Couldn't load the jobs"
          loadingLabel="Loading jobs"
          loadingRows={5}
          loadMoreLabel="Load older jobs"
          empty={{
            icon: <IconListCheck size={28} />,
            title: status ? `No ${STATUS_LABELS[status].toLowerCase()} jobs` : "No jobs yet",
            description: "Jobs from every account appear here as they are queued.",
          }}
        />
      </Stack>
    </>
  );
}
