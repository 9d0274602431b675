// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/SegmentedControl.css";
import { EmptyState, Group, Paper, ScrollArea, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconFiles } from "@tabler/icons-react";
import { useState } from "react";
import { ListSkeleton } from "../../components/list-skeleton";
import { LoadMore } from "../../components/load-more";
import { PageHeader } from "../../components/page-header";
import { QueryError } from "../../components/query-error";
import { useDialogFor } from "../../lib/use-dialog-for";
import type { DocumentItem } from "../../lib/trpc";
import { RunAnalysisModal } from "../jobs/run-analysis-modal";
import { isDocumentKind, KIND_LABELS, KIND_OPTIONS } from "./document-labels";
import { DocumentsTable } from "./documents-table";
import { UploadCard } from "./upload-card";
import { useDocuments } from "./use-documents";

const FILTERS = [{ value: "all", label: "All" }, ...KIND_OPTIONS];

/** Upload documents, see them with their extraction state, start an analysis from one. */
export function DocumentsPage() {
  const [filter, setFilter] = useState("all");
  const kind = isDocumentKind(filter) ? filter : null;
  const documents = useDocuments(kind);
  const analyze = useDialogFor<DocumentItem>();

  let content;
  if (documents.isPending) content = <ListSkeleton rows={5} label="Loading documents" />;
  else if (documents.isError) content = <QueryError error={documents.error} title="Couldn't load your documents" onRetry={() => void documents.refetch()} />;
  else if (documents.data.length === 0) {
    content = (
      <EmptyState
        py="xl"
        icon={<IconFiles size={28} />}
        variant="light"
        title={kind ? `No ${KIND_LABELS[kind].toLowerCase()} documents` : "No documents yet"}
        description={kind ? "Pick another kind to see the rest." : "Upload a resume, a job description or a worklog above, then run an analysis on it."}
        data-testid="documents-empty"
      />
    );
  } else {
    content = (
      <>
        <DocumentsTable documents={documents.data} onAnalyze={analyze.open} />
        <LoadMore {...documents} label="Load older documents" />
      </>
    );
  }

  return (
    <>
      <PageHeader title="Documents" description="Files you upload for analysis. Their text is extracted once, then every job reads it." />
      <Stack gap="lg">
        <UploadCard />
        <Paper withBorder radius="md">
          <Group justify="space-between" p="md" wrap="wrap" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
            <div>
              <Title order={4}>Your documents</Title>
              <Text size="sm" c="dimmed">
                Newest first.
              </Text>
            </div>
            {/* Six filters are wider than a phone: they scroll sideways in their own strip instead of being cut off. */}
            <ScrollArea type="auto" scrollbars="x" offsetScrollbars maw="100%">
              <SegmentedControl size="xs" data={FILTERS} value={filter} onChange={setFilter} aria-label="Filter by kind" />
            </ScrollArea>
          </Group>
          <div style={documents.isError ? { padding: "var(--mantine-spacing-md)" } : undefined} aria-busy={documents.isFetching && !documents.isFetchingNextPage}>
            {content}
          </div>
        </Paper>
      </Stack>
      <RunAnalysisModal opened={analyze.opened} onClose={analyze.close} document={analyze.item} />
    </>
  );
}
