import { Alert, Badge, Button, FileButton, Group, Progress, Stack, Text } from "@mantine/core";
import { IconMicrophone } from "@tabler/icons-react";
import { useState } from "react";
import { UploadError, uploadForm } from "../../lib/upload";
import { useAttachRecording, type Interview } from "./use-interviews";

const AUDIO = "audio/mpeg,audio/wav,audio/x-wav,audio/mp4,audio/x-m4a,audio/ogg,audio/flac,.mp3,.wav,.m4a,.ogg,.flac";

/**
 * The interview's recording: uploaded into the employer's documents (the one upload path), then
 * transcribed by the worker; transcript, summary and sentiment show once the job is done.
 */
export function InterviewRecording({ interview }: { interview: Interview }) {
  const attach = useAttachRecording();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const recording = interview.recording;

  const upload = (file: File | null) => {
    if (!file) return;
    setError(null);
    const form = new FormData();
    // Fields before the file: the api reads them while it streams the bytes.
    form.append("accountId", interview.accountId);
    form.append("kind", "other");
    form.append("file", file, file.name);
    setProgress(0);
    uploadForm<{ id: string }>("/api/documents/", form, setProgress).done.then(
      (doc) => {
        setProgress(null);
        attach.mutate({ id: interview.id, documentId: doc.id });
      },
      (e: unknown) => {
        setProgress(null);
        if (!(e instanceof UploadError && e.cancelled)) setError(e instanceof Error ? e.message : "The upload failed.");
      },
    );
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={500} size="sm">
          Recording
        </Text>
        <FileButton onChange={upload} accept={AUDIO}>
          {(props) => (
            <Button {...props} size="compact-sm" variant="light" leftSection={<IconMicrophone size={14} />} loading={progress !== null || attach.isPending}>
              {recording ? "Replace recording" : "Upload recording"}
            </Button>
          )}
        </FileButton>
      </Group>
      {progress !== null && <Progress value={progress * 100} aria-label="Upload progress" />}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      {recording && (
        <Stack gap={4} data-testid="interview-recording">
          <Group gap="xs">
            <Text size="sm">{recording.filename}</Text>
            <Badge variant="light" color={recording.transcriptionStatus === "success" ? "green" : recording.transcriptionStatus === "failed" ? "red" : "blue"}>
              {recording.transcriptionStatus === "success" ? "Transcribed" : recording.transcriptionStatus === "failed" ? "Failed" : "Transcribing…"}
            </Badge>
            {recording.sentiment !== null && <Badge variant="light" color={recording.sentiment >= 0 ? "teal" : "orange"}>Sentiment {recording.sentiment.toFixed(2)}</Badge>}
          </Group>
          {recording.error && (
            <Text size="sm" c="red">
              {recording.error}
            </Text>
          )}
          {recording.summary && (
            <Text size="sm">
              <b>Summary:</b> {recording.summary}
            </Text>
          )}
          {recording.transcript && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {recording.transcript}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
