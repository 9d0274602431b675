import { Alert, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";

interface PickedDocument {
  filename: string;
  extractionStatus: "pending" | "done" | "failed";
  extractionError: string | null;
}

/** An extraction's reason as a sentence (the api's messages end without a full stop). */
export const asSentence = (message: string) => message.replace(/([^.!?])\s*$/, "$1.");

/** A picker's option label: the name, and whether its text is read yet or couldn't be read. */
export const resumeLabel = (d: PickedDocument) => (d.extractionStatus === "done" ? d.filename : `${d.filename} (${d.extractionStatus === "pending" ? "being read…" : "unreadable"})`);

/**
 * Under a résumé picker: why the picked document can't be sent or parsed. The reason is the
 * extraction's own (a scan without text, a password, too many pages), which says what to upload
 * instead. Nothing once its text is read. The document list refetches live when extraction ends.
 */
export function ExtractionNote({ doc }: { doc: PickedDocument | undefined }) {
  if (!doc || doc.extractionStatus === "done") return null;
  if (doc.extractionStatus === "pending") {
    return (
      <Text size="sm" c="dimmed" data-testid="resume-reading">
        {doc.extractionError ?? `${doc.filename} is being read; you can use it in a moment.`}
      </Text>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={`Couldn't read ${doc.filename}`} role="alert" data-testid="resume-unreadable">
      {doc.extractionError ? asSentence(doc.extractionError) : "Its text could not be read."}
    </Alert>
  );
}
