import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { DateCell } from "../../components/date-cell";
import { formatDuration } from "../../lib/format";
import type { Job } from "../../lib/trpc";
import { JobCost, runMs } from "./job-cost";
import { jobTypeLabel } from "./job-labels";
import { JobSubject } from "./job-subject";
import { JobStatusBadge } from "./job-status-badge";

export function JobsTable({ jobs }: { jobs: Job[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Job</Table.Th>
            <Table.Th w={150}>Status</Table.Th>
            <Table.Th w={110} ta="right">
              Cost
            </Table.Th>
            <Table.Th w={110} ta="right">
              Ran for
            </Table.Th>
            <Table.Th w={150}>Queued</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => {
            const ms = runMs(job);
            return (
              <Table.Tr key={job.id} data-testid="job-row" data-status={job.status}>
                <Table.Td>
                  <Anchor component={Link} to={`/jobs/${job.id}`} fw={500} size="sm">
                    {jobTypeLabel(job.type)}
                  </Anchor>
                  <JobSubject job={job} />
                </Table.Td>
                <Table.Td>
                  <JobStatusBadge status={job.status} />
                </Table.Td>
                <Table.Td ta="right">
                  <JobCost costCents={job.costCents} estimatedCostCents={job.estimatedCostCents} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" c={ms === null ? "dimmed" : undefined} style={{ fontVariantNumeric: "tabular-nums" }}>
                    {ms === null ? "—" : formatDuration(ms)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DateCell iso={job.queuedAt} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
