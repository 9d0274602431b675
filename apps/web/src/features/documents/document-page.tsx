import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, Paper, ScrollArea, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertCircle, IconDownload, IconPlayerPlay, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ConfirmModal } from "../../components/confirm-modal";
import { QueryError } from "../../components/query-error";
import { notifyError } from "../../lib/notify";
import { formatBytes, formatDateTime } from "../../lib/format";
import type { DocumentDetail } from "../../lib/trpc";
import { RunAnalysisModal } from "../jobs/run-analysis-modal";
import { FLAGS } from "@atrium/sdk";
import { useFeature } from "../flags/use-my-flags";
import { fileTypeLabel, isDocumentKind, kindColor, kindLabel } from "./document-labels";
import { KindSelect } from "./kind-select";
import { ExtractionBadge } from "./extraction-badge";
import { useDeleteDocument, useDocument, useDownloadDocument } from "./use-documents";
import { asSentence } from "./extraction-note";

function Facts({ doc }: { doc: DocumentDetail }) {
  const rows: [string, ReactNode][] = [
    ["Kind", isDocumentKind(doc.kind) ? <KindSelect key="k" id={doc.id} kind={doc.kind} /> : <Badge key="k" variant="light" color={kindColor(doc.kind)} radius="sm" tt="none">{kindLabel(doc.kind)}</Badge>],
    ["Type", fileTypeLabel(doc.mimeType)],
    ["Size", formatBytes(doc.sizeBytes)],
    ...(doc.pageCount ? [["Pages", String(doc.pageCount)] as [string, ReactNode]] : []),
    ["Uploaded", formatDateTime(doc.createdAt)],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={100}>{label}</Table.Th>
            <Table.Td style={{ wordBreak: "break-word" }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function TextPreview({ doc }: { doc: DocumentDetail }) {
  if (doc.extractionStatus === "pending") {
    return (
      <Stack gap="xs" aria-label="Extracting text">
        <Text size="sm" c="dimmed">
          The text hasn't been extracted yet. The worker does it shortly after the upload, or the first analysis does it.
        </Text>
        <Skeleton h={14} />
        <Skeleton h={14} />
        <Skeleton h={14} w="70%" />
      </Stack>
    );
  }
  if (doc.extractionStatus === "failed") {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Couldn't read the text">
        {doc.extractionError ? asSentence(doc.extractionError) : "The file's text couldn't be extracted."} Analyses need the text; upload the document again as another format.
      </Alert>
    );
  }
  const text = doc.textPreview ?? "";
  if (!text.trim()) return <Text c="dimmed">No text was found in this document.</Text>;
  const total = doc.textLength ?? text.length;
  return (
    <>
      <ScrollArea.Autosize mah={520} type="auto">
        <Text size="sm" style={{ whiteSpace: "pre-wrap", fontFamily: "var(--mantine-font-family-monospace)" }} data-testid="document-text">
          {text}
        </Text>
      </ScrollArea.Autosize>
      {total > text.length && (
        <Text size="xs" c="dimmed" mt="xs">
          The first {text.length.toLocaleString()} of {total.toLocaleString()} characters. Download the file for the rest.
        </Text>
      )}
    </>
  );
}

export function DocumentPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const doc = useDocument(id);
  const remove = useDeleteDocument();
  const download = useDownloadDocument();
  const [confirming, confirm] = useDisclosure(false);
  const [analyzing, analyze] = useDisclosure(false);
  const analysisOn = useFeature(FLAGS.aiAnalysis);

  const crumbs = (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/documents" size="sm">
        Documents
      </Anchor>
      <Text size="sm" c="dimmed" truncate="end" maw={360}>
        {doc.data?.filename ?? "…"}
      </Text>
    </Breadcrumbs>
  );

  if (doc.isPending) {
    return (
      <>
        {crumbs}
        <Skeleton h={36} w={320} mb="lg" />
        <Skeleton h={300} />
      </>
    );
  }
  if (doc.isError) {
    return (
      <>
        {crumbs}
        <QueryError error={doc.error} title="Couldn't load this document" onRetry={() => void doc.refetch()} />
      </>
    );
  }

  const d = doc.data;
  return (
    <>
      {crumbs}
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap">
        <Stack gap={6} miw={0}>
          <Title order={2} style={{ wordBreak: "break-word" }}>
            {d.filename}
          </Title>
          <Group gap="xs">
            <ExtractionBadge status={d.extractionStatus} error={d.extractionError} recording={d.mimeType.startsWith("audio/")} />
          </Group>
        </Stack>
        <Group gap="sm">
          {analysisOn && (
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={analyze.open} disabled={d.extractionStatus === "failed"}>
              Run analysis
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={download.isPending}
            onClick={() => download.mutate(d.id, { onError: (error) => notifyError(error, "Couldn't download") })}
          >
            Download
          </Button>
          <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={confirm.open}>
            Delete
          </Button>
        </Group>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Facts doc={d} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="md" p="md">
            <Title order={5} mb="sm">
              Extracted text
            </Title>
            <TextPreview doc={d} />
          </Paper>
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title="Delete this document?"
        confirmLabel="Delete document"
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(d, { onSuccess: () => void navigate("/documents") })}
      >
        <Text size="sm">
          <b>{d.filename}</b> disappears from your documents. Jobs that already ran on it keep their results.
        </Text>
      </ConfirmModal>
      <RunAnalysisModal opened={analyzing} onClose={analyze.close} document={d} />
    </>
  );
}
