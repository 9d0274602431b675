import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip } from "@mantine/core";
import { IconPlayerPlay } from "@tabler/icons-react";
import { Link } from "react-router";
import { DateCell } from "../../components/date-cell";
import { formatBytes } from "../../lib/format";
import type { DocumentItem } from "../../lib/trpc";
import { fileTypeLabel, kindColor, kindLabel } from "./document-labels";
import { ExtractionBadge } from "./extraction-badge";
import { FLAGS } from "@atrium/sdk";
import { useFeature } from "../flags/use-my-flags";

interface DocumentsTableProps {
  documents: DocumentItem[];
  onAnalyze: (doc: DocumentItem) => void;
}

export function DocumentsTable({ documents, onAnalyze }: DocumentsTableProps) {
  const analysisOn = useFeature(FLAGS.aiAnalysis);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={150}>Kind</Table.Th>
            <Table.Th w={170}>Text</Table.Th>
            <Table.Th w={100} ta="right">
              Size
            </Table.Th>
            <Table.Th w={140}>Uploaded</Table.Th>
            <Table.Th w={60} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((doc) => (
            <Table.Tr key={doc.id} data-testid="document-row" data-kind={doc.kind}>
              <Table.Td maw={360}>
                <Anchor component={Link} to={`/documents/${doc.id}`} fw={500} size="sm" display="block" truncate="end">
                  {doc.filename}
                </Anchor>
                <Text size="xs" c="dimmed" truncate="end">
                  {fileTypeLabel(doc.mimeType)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={kindColor(doc.kind)} radius="sm" tt="none">
                  {kindLabel(doc.kind)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <ExtractionBadge status={doc.extractionStatus} recording={doc.mimeType.startsWith("audio/")} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
                  {formatBytes(doc.sizeBytes)}
                </Text>
              </Table.Td>
              <Table.Td>
                <DateCell iso={doc.createdAt} />
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  {analysisOn && (
                  <Tooltip label={doc.extractionStatus === "failed" ? "Its text couldn't be read, so it can't be analysed" : "Run analysis"}>
                    <ActionIcon variant="subtle" aria-label={`Run analysis on ${doc.filename}`} onClick={() => onAnalyze(doc)} disabled={doc.extractionStatus === "failed"}>
                      <IconPlayerPlay size={18} />
                    </ActionIcon>
                  </Tooltip>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
