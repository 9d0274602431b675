import { ActionIcon, Anchor, Badge, EmptyState, Group, Text, Tooltip } from "@mantine/core";
import { IconFiles, IconPlayerPlay } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { FLAGS } from "@atrium/sdk";
import { DataTable, type Column } from "../../components/data-table";
import { DateCell } from "../../components/date-cell";
import { formatBytes } from "../../lib/format";
import type { DocumentItem } from "../../lib/trpc";
import { useFeature } from "../flags/use-my-flags";
import { fileTypeLabel, kindColor, KIND_LABELS, kindLabel, type DocumentKind } from "./document-labels";
import { ExtractionBadge } from "./extraction-badge";
import type { useDocuments } from "./use-documents";

function columns(analysisOn: boolean, onAnalyze: (doc: DocumentItem) => void): Column<DocumentItem>[] {
  return [
    {
      header: "Name",
      td: { maw: 360 },
      cell: (doc) => (
        <>
          <Anchor component={Link} to={`/documents/${doc.id}`} fw={500} size="sm" display="block" truncate="end">
            {doc.filename}
          </Anchor>
          <Text size="xs" c="dimmed" truncate="end">
            {fileTypeLabel(doc.mimeType)}
          </Text>
        </>
      ),
    },
    {
      header: "Kind",
      th: { w: 150 },
      cell: (doc) => (
        <Badge variant="light" color={kindColor(doc.kind)} radius="sm" tt="none">
          {kindLabel(doc.kind)}
        </Badge>
      ),
    },
    { header: "Text", th: { w: 170 }, cell: (doc) => <ExtractionBadge status={doc.extractionStatus} recording={doc.mimeType.startsWith("audio/")} /> },
    {
      header: "Size",
      th: { w: 100, ta: "right" },
      td: { ta: "right" },
      cell: (doc) => (
        <Text size="sm" style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
          {formatBytes(doc.sizeBytes)}
        </Text>
      ),
    },
    { header: "Uploaded", th: { w: 140 }, cell: (doc) => <DateCell iso={doc.createdAt} /> },
    {
      th: { w: 60 },
      cell: (doc) => (
        <Group justify="flex-end">
          {analysisOn && (
            <Tooltip label={doc.extractionStatus === "failed" ? "Its text couldn't be read, so it can't be analysed" : "Run analysis"}>
              <ActionIcon variant="subtle" aria-label={`Run analysis on ${doc.filename}`} onClick={() => onAnalyze(doc)} disabled={doc.extractionStatus === "failed"}>
                <IconPlayerPlay size={18} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      ),
    },
  ];
}

interface DocumentsTableProps {
  query: ReturnType<typeof useDocuments>;
  /** The kind filtered on, for the empty state's words. */
  kind: DocumentKind | null;
  controls: ReactNode;
  onAnalyze: (doc: DocumentItem) => void;
}

export function DocumentsTable({ query, kind, controls, onAnalyze }: DocumentsTableProps) {
  const analysisOn = useFeature(FLAGS.aiAnalysis);
  return (
    <DataTable
      query={query}
      title="Your documents"
      description="Newest first."
      controls={controls}
      columns={columns(analysisOn, onAnalyze)}
      rowKey={(doc) => doc.id}
      rowProps={(doc) => ({ "data-testid": "document-row", "data-kind": doc.kind })}
      minWidth={760}
      errorTitle="Couldn't load your documents"
      loadingLabel="Loading documents"
      loadingRows={5}
      loadMoreLabel="Load older documents"
      empty={
        <EmptyState
          py="xl"
          icon={<IconFiles size={28} />}
          variant="light"
          title={kind ? `No ${KIND_LABELS[kind].toLowerCase()} documents` : "No documents yet"}
          description={kind ? "Pick another kind to see the rest." : "Upload a resume, a job description or a worklog above, then run an analysis on it."}
          data-testid="documents-empty"
        />
      }
    />
  );
}
