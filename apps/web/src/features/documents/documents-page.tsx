// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/SegmentedControl.css";
import { ScrollArea, SegmentedControl, Stack } from "@mantine/core";
import { useState } from "react";
import { PageHeader } from "../../components/page-header";
import { useDialogFor } from "../../lib/use-dialog-for";
import type { DocumentItem } from "../../lib/trpc";
import { RunAnalysisModal } from "../jobs/run-analysis-modal";
import { isDocumentKind, KIND_OPTIONS } from "./document-labels";
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

  return (
    <>
      <PageHeader title="Documents" description="Files you upload for analysis. Their text is extracted once, then every job reads it." />
      <Stack gap="lg">
        <UploadCard />
        <DocumentsTable
          query={documents}
          kind={kind}
          onAnalyze={analyze.open}
          controls={
            // Six filters are wider than a phone: they scroll sideways in their own strip instead of being cut off.
            <ScrollArea type="auto" scrollbars="x" offsetScrollbars maw="100%">
              <SegmentedControl size="xs" data={FILTERS} value={filter} onChange={setFilter} aria-label="Filter by kind" />
            </ScrollArea>
          }
        />
      </Stack>
      <RunAnalysisModal opened={analyze.opened} onClose={analyze.close} document={analyze.item} />
    </>
  );
}
