import { Alert, Anchor, Breadcrumbs, Button, Code, Grid, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconPlayerStop, IconRotateClockwise } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { ListSkeleton } from "../../components/list-skeleton";
import { QueryError } from "../../components/query-error";
import { notifyError } from "../../lib/notify";
import { trpc } from "../../lib/trpc";
import { useRetryJob } from "../admin/jobs/use-admin-jobs";
import { useCurrentUser } from "../auth/current-user";
import { JobCost } from "./job-cost";
import { jobSubject } from "./job-event-labels";
import { JobFacts } from "./job-facts";
import { isActive, jobTypeLabel } from "./job-labels";
import { JobResults } from "./job-results";
import { JobStatusBadge } from "./job-status-badge";
import { JobTimeline } from "./job-timeline";
import { useCancelJob, useJob, useJobEvents } from "./use-jobs";

/** One job: its status and cost, its timeline filling in live, then its results. */
export function JobPage() {
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const job = useJob(id);
  const timeline = useJobEvents(id);
  const cancel = useCancelJob();
  const retry = useRetryJob();
  const { user } = useCurrentUser();
  const done = timeline.data?.done ?? false;
  // The timeline learns first that the job ended; fetch the job then for its result and final cost.
  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: trpc.jobs.get.queryKey({ id }) });
  }, [done, id, queryClient]);

  const crumbs = (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/jobs" size="sm">
        Jobs
      </Anchor>
      <Text size="sm" c="dimmed" ff="monospace">
        {id.slice(0, 8)}
      </Text>
    </Breadcrumbs>
  );

  if (job.isPending) {
    return (
      <>
        {crumbs}
        <Skeleton h={36} w={320} mb="lg" />
        <Skeleton h={300} />
      </>
    );
  }
  if (job.isError) {
    return (
      <>
        {crumbs}
        <QueryError error={job.error} title="Couldn't load this job" onRetry={() => void job.refetch()} />
      </>
    );
  }

  const j = job.data;
  // Whichever of the two heard of the end first (both follow the stream).
  const status = timeline.data && !isActive(timeline.data.status) ? timeline.data.status : j.status;
  const active = isActive(status);
  return (
    <>
      {crumbs}
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={2}>{jobTypeLabel(j.type)}</Title>
            <JobStatusBadge status={status} size="lg" />
          </Group>
          {jobSubject(j) && (
            <Text c="dimmed" data-testid="job-subject">
              {jobSubject(j)}
            </Text>
          )}
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Cost
            </Text>
            <JobCost costCents={j.costCents} estimatedCostCents={j.estimatedCostCents} />
          </Group>
        </Stack>
        {user.isStaff && (status === "failed" || status === "cancelled") && (
          <Button
            variant="light"
            leftSection={<IconRotateClockwise size={16} />}
            loading={retry.isPending}
            onClick={() => retry.mutate(j, { onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.jobs.pathKey() }), onError: (error) => notifyError(error, "Couldn't retry the job") })}
          >
            Retry job
          </Button>
        )}
        {active && (
          <Button
            variant="light"
            color="red"
            leftSection={<IconPlayerStop size={16} />}
            loading={cancel.isPending}
            disabled={j.cancelRequestedAt !== null}
            onClick={() => cancel.mutate(j, { onError: (error) => notifyError(error, "Couldn't cancel the job") })}
          >
            {j.cancelRequestedAt ? "Cancelling…" : "Cancel job"}
          </Button>
        )}
      </Group>

      <Stack gap="lg">
        {status === "failed" && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="The job failed" data-testid="job-error">
            {j.error ?? "The job failed without saying why."}
            {/* Only staff reads carry the cause; for everyone else it is always null. */}
            {j.errorCause && (
              <>
                <Text size="xs" fw={600} mt="sm" c="dimmed">
                  Cause (only staff see this)
                </Text>
                <Code block mt={4} data-testid="job-error-cause">
                  {j.errorCause}
                </Code>
              </>
            )}
          </Alert>
        )}
        {status === "cancelled" && (
          <Alert color="gray" variant="light" icon={<IconPlayerStop size={18} />} title="Cancelled">
            The job was stopped before it finished. Only work that completed is charged.
          </Alert>
        )}
        {status === "success" && j.result && <JobResults type={j.type} result={j.result} />}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder radius="md" p="lg">
              <Title order={4} mb="md">
                Timeline
              </Title>
              {timeline.isPending ? (
                <ListSkeleton rows={3} label="Loading the timeline" />
              ) : timeline.isError ? (
                <QueryError error={timeline.error} title="Couldn't load the timeline" onRetry={() => void timeline.refetch()} />
              ) : timeline.data.events.length === 0 && !active ? (
                <Text c="dimmed">No events were recorded for this job.</Text>
              ) : (
                <JobTimeline events={timeline.data.events} live={!done} staff={user.isStaff} />
              )}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <JobFacts job={j} />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
