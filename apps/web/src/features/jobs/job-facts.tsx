import { Anchor, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDateTime, formatDuration } from "../../lib/format";
import type { Job } from "../../lib/trpc";
import { JobCost, runMs } from "./job-cost";
import { documentRoleLabel } from "./job-event-labels";
import { CopyId } from "../../components/copy-id";

/** The document by the name the job read carries; a deleted one says so instead of linking nowhere. */
function DocumentLink({ doc }: { doc: Job["documents"][number] }) {
  if (doc.filename === null) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        deleted document
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/documents/${doc.id}`} size="sm" style={{ wordBreak: "break-word" }} data-testid="job-document-link">
      {doc.filename}
    </Anchor>
  );
}

export function JobFacts({ job }: { job: Job }) {
  const ms = runMs(job);
  const rows: [string, ReactNode][] = job.documents.map((doc) => [documentRoleLabel(doc.role), <DocumentLink key={doc.id + doc.role} doc={doc} />]);
  rows.push(
    ["Cost", <JobCost key="cost" costCents={job.costCents} estimatedCostCents={job.estimatedCostCents} />],
    ["Queued", formatDateTime(job.queuedAt)],
    ["Started", job.startedAt ? formatDateTime(job.startedAt) : "—"],
    ["Finished", job.finishedAt ? formatDateTime(job.finishedAt) : "—"],
    ["Ran for", ms === null ? "—" : formatDuration(ms)],
    ["Attempts", String(job.attempts)],
    // Short, with the whole id a click away (for support or the api): a bare UUID is noise to read.
    ["Job id", <CopyId key="id" id={job.id} />],
  );
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={140} style={{ whiteSpace: "nowrap" }}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
