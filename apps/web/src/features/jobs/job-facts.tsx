import { Anchor, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDateTime, formatDuration } from "../../lib/format";
import type { Job } from "../../lib/trpc";
import { useDocument } from "../documents/use-documents";
import { JobCost, runMs } from "./job-cost";
import { CopyId } from "../../components/copy-id";

/** The document's name once known; its short id meanwhile, or if it has since been deleted. */
function DocumentLink({ id }: { id: string }) {
  const doc = useDocument(id);
  if (doc.isError) {
    return (
      <Text size="sm" c="dimmed" ff="monospace" title="This document was deleted">
        {id.slice(0, 8)}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/documents/${id}`} size="sm" style={{ wordBreak: "break-word" }} data-testid="job-document-link">
      {doc.data?.filename ?? id.slice(0, 8)}
    </Anchor>
  );
}

/** Input fields that name documents, with how to call them. */
const DOCUMENT_INPUTS: [string, string][] = [
  ["documentId", "Document"],
  ["resumeDocumentId", "Resume"],
  ["jobDescriptionDocumentId", "Job description"],
];

export function JobFacts({ job }: { job: Job }) {
  const ms = runMs(job);
  const rows: [string, ReactNode][] = [];
  for (const [field, label] of DOCUMENT_INPUTS) {
    const id = job.input[field];
    if (typeof id === "string") {
      rows.push([label, <DocumentLink key={field} id={id} />]);
    }
  }
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
