import "@mantine/dropzone/styles.css";
import { Alert, Button, CloseButton, Group, Paper, Progress, Select, Stack, Text, ThemeIcon } from "@mantine/core";
import { Dropzone, type FileRejection } from "@mantine/dropzone";
import { IconAlertCircle, IconCloudUpload, IconFileText, IconFileX } from "@tabler/icons-react";
import { useState } from "react";
import { formatBytes } from "../../lib/format";
import { useLimits } from "../../lib/use-limits";
import { ACCEPTED_TYPES, AUDIO_TYPES, isDocumentKind, KIND_OPTIONS, type DocumentKind } from "./document-labels";
import { useUpload } from "./use-upload";

const DOCUMENTS = "PDF, DOCX, TXT or Markdown";
const allowedText = (audio: boolean) => (audio ? `${DOCUMENTS}, or a recording (MP3, WAV, M4A, OGG, FLAC)` : DOCUMENTS);

/** A first guess from the name; the uploader can change it before sending. */
function guessKind(name: string): DocumentKind {
  const n = name.toLowerCase();
  if (/(resume|cv|curriculum)/.test(n)) return "resume";
  if (/(job|jd|position|role|vacancy|posting)/.test(n)) return "job_description";
  if (/(worklog|work-log|timesheet|journal|log)/.test(n)) return "worklog";
  if (/(lease|deed|property|tenancy|appraisal)/.test(n)) return "property";
  return "other";
}

function rejectionMessage(rejections: FileRejection[], maxMb: number | undefined, audio: boolean): string {
  if (rejections.length > 1) return "Drop one file at a time.";
  const code = rejections[0]?.errors[0]?.code;
  if (code === "file-invalid-type") return `That type of file isn't supported. Upload ${allowedText(audio)}.`;
  // The api's own words for its 413, so the browser and the server say the same.
  if (code === "file-too-large" && maxMb !== undefined) return `File too large: the limit is ${maxMb} MB`;
  return rejections[0]?.errors[0]?.message ?? "That file can't be uploaded.";
}

/** Drop or pick one file, say what it is, send it with a progress bar. */
export function UploadCard({ onUploaded }: { onUploaded?: (id: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind>("other");
  const [pickError, setPickError] = useState<string | null>(null);
  const limits = useLimits().data;
  const maxMb = limits?.maxUploadMb;
  const audio = limits?.audioUploads ?? false;
  const upload = useUpload((doc) => {
    setFile(null);
    onUploaded?.(doc.id);
  });
  const uploading = upload.state.phase === "uploading";
  const error = pickError ?? (upload.state.phase === "error" ? upload.state.message : null);

  const pick = (files: File[]) => {
    const next = files[0];
    if (!next) return;
    setFile(next);
    setKind(guessKind(next.name));
    setPickError(null);
    upload.clearError();
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <Dropzone
          onDrop={pick}
          onReject={(rejections) => {
            setFile(null);
            setPickError(rejectionMessage(rejections, maxMb, audio));
          }}
          accept={audio ? { ...ACCEPTED_TYPES, ...AUDIO_TYPES } : ACCEPTED_TYPES}
          // Checked here too, so a file over the limit isn't sent only to be refused (the api still enforces it).
          maxSize={maxMb === undefined ? undefined : maxMb * 1024 * 1024}
          multiple={false}
          disabled={uploading}
          data-testid="dropzone"
          aria-label="Drop a document here or click to choose one"
        >
          <Group justify="center" gap="lg" mih={120} style={{ pointerEvents: "none" }} wrap="nowrap">
            <Dropzone.Accept>
              <IconCloudUpload size={44} stroke={1.4} color="var(--mantine-primary-color-filled)" />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconFileX size={44} stroke={1.4} color="var(--mantine-color-red-6)" />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconCloudUpload size={44} stroke={1.4} color="var(--mantine-color-dimmed)" />
            </Dropzone.Idle>
            <div>
              <Text size="lg" fw={500}>
                Drop a document here, or click to choose one
              </Text>
              <Text size="sm" c="dimmed" mt={4}>
                {allowedText(audio)}
                {maxMb === undefined ? "" : `, up to ${maxMb} MB`}. The type is checked by the file's content, not its name.
              </Text>
            </div>
          </Group>
        </Dropzone>

        {error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Couldn't upload" role="alert" data-testid="upload-error">
            {error}
          </Alert>
        )}

        {file && (
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-end">
              <Group gap="sm" wrap="nowrap" miw={0}>
                <ThemeIcon variant="light" size="lg" radius="md">
                  <IconFileText size={20} />
                </ThemeIcon>
                <div style={{ minWidth: 0 }}>
                  <Text fw={500} truncate="end" data-testid="staged-file">
                    {file.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatBytes(file.size)}
                  </Text>
                </div>
              </Group>
              <Group gap="sm" wrap="nowrap" align="flex-end">
                <Select
                  label="Kind"
                  data={KIND_OPTIONS}
                  value={kind}
                  onChange={(value) => isDocumentKind(value) && setKind(value)}
                  allowDeselect={false}
                  disabled={uploading}
                  w={190}
                />
                {uploading ? (
                  <Button variant="default" onClick={upload.cancel}>
                    Cancel
                  </Button>
                ) : (
                  <>
                    <Button onClick={() => upload.start(file, kind)} leftSection={<IconCloudUpload size={16} />}>
                      Upload
                    </Button>
                    <CloseButton aria-label="Remove the file" onClick={() => setFile(null)} />
                  </>
                )}
              </Group>
            </Group>
            {upload.state.phase === "uploading" && (
              <Stack gap={4}>
                <Progress value={upload.state.progress * 100} size="lg" radius="xl" animated striped aria-label="Upload progress" data-testid="upload-progress" />
                <Text size="xs" c="dimmed" ta="right">
                  {/* All bytes sent: the server is still storing and checking them. */}
                  {upload.state.progress >= 1 ? "Checking the file…" : `${Math.round(upload.state.progress * 100)}% sent`}
                </Text>
              </Stack>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
