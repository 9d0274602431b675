import { Alert, Anchor, Button, Group, Paper, Progress, Select, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconWand } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../../lib/errors";
import { ExtractionNote, resumeLabel } from "../../documents/extraction-note";
import { UploadCard } from "../../documents/upload-card";
import { useMyResumes, useParseCandidateProfile, type CandidateProfile } from "./use-candidate-profile";

const PROGRESS: Record<string, { value: number; label: string }> = {
  queued: { value: 15, label: "Waiting for a worker…" },
  running: { value: 60, label: "Reading your résumé…" },
};

/** Pick (or upload) a résumé and fill the profile's empty fields from it; the parse job's progress shows live. */
export function ResumeCard({ profile }: { profile: CandidateProfile }) {
  const resumes = useMyResumes();
  const parse = useParseCandidateProfile();
  const [picked, setPicked] = useState<string | null>(null);
  const items = resumes.data?.items ?? [];
  const documentId = picked ?? profile.sourceDocumentId ?? items[0]?.id ?? null;
  const doc = items.find((d) => d.id === documentId);
  // A résumé whose text couldn't be read would only make a failed (and billed) parse job.
  const unreadable = doc?.extractionStatus === "failed";
  const job = profile.parse;
  const working = job && PROGRESS[job.status];
  // How the last fill ended belongs to the résumé it read, not to another one picked or uploaded since.
  const ended = documentId === profile.sourceDocumentId ? job : null;

  return (
    <Paper withBorder radius="md" p="lg" maw={760}>
      <Stack>
        <div>
          <Title order={4}>Your résumé</Title>
          <Text size="sm" c="dimmed">
            Fill from résumé reads it into the fields below that are still empty, and adds its skills to yours; what you wrote stays. Clear a section first to take the résumé's version.
          </Text>
        </div>
        {items.length > 0 && (
          <Group align="flex-end" wrap="wrap">
            <Select
              label="Résumé"
              data={items.map((d) => ({ value: d.id, label: resumeLabel(d) }))}
              value={documentId}
              onChange={setPicked}
              allowDeselect={false}
              w={320}
              data-testid="resume-select"
            />
            <Button leftSection={<IconWand size={16} />} onClick={() => documentId && parse.mutate({ documentId })} loading={parse.isPending} disabled={!documentId || unreadable || Boolean(working)}>
              Fill from résumé
            </Button>
          </Group>
        )}
        {items.length === 0 && !resumes.isPending && (
          <Text size="sm" data-testid="no-resume">
            Upload your résumé (kind: Resume) to fill your profile from it.
          </Text>
        )}
        <ExtractionNote doc={doc} />
        <UploadCard onUploaded={(id) => setPicked(id)} />
        {parse.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {errorMessage(parse.error)}
          </Alert>
        )}
        {working && (
          <Stack gap={4} data-testid="parse-progress">
            <Progress value={working.value} animated striped aria-label="Résumé parsing progress" />
            <Text size="xs" c="dimmed">
              {working.label}{" "}
              <Anchor component={Link} to={`/jobs/${job.jobId}`} size="xs">
                See the job
              </Anchor>
            </Text>
          </Stack>
        )}
        {ended?.status === "success" && ended.appliedAt && (
          <Text size="sm" c="teal" data-testid="parse-done">
            Filled from your résumé. Check the fields below and save any corrections.
          </Text>
        )}
        {ended?.status === "failed" && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Couldn't read the résumé" role="alert">
            {ended.error ?? "The parse failed."}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
