// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/Radio.css";
import { Alert, Button, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconPlayerPlay } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { SAME_DOCUMENT_TWICE } from "@atrium/sdk";
import { fieldError, formErrors } from "../../lib/form";
import { EstimatePanel, isBlocked } from "./estimate-panel";
import { DocumentSelect } from "./document-select";
import { JOB_TYPE_DESCRIPTIONS, JOB_TYPE_LABELS, JOB_TYPES, isJobType, type JobType } from "./job-labels";
import { useCreateJob, useJobEstimate, type JobInput } from "./use-jobs";

/** The document the dialog was opened from, if any. */
interface StartingDocument {
  id: string;
  kind: string;
  mimeType?: string;
}

const isRecording = (doc: StartingDocument | null) => Boolean(doc?.mimeType?.startsWith("audio/"));

function initialType(doc: StartingDocument | null): JobType {
  if (isRecording(doc)) return "interview_transcription";
  if (doc?.kind === "worklog") return "worklog_summary";
  if (doc?.kind === "resume" || doc?.kind === "job_description") return "resume_match";
  return "document_analysis";
}

function AnalysisForm({ start, onCancel }: { start: StartingDocument | null; onCancel: () => void }) {
  const navigate = useNavigate();
  const create = useCreateJob();
  const [type, setType] = useState<JobType>(initialType(start));
  const [documentId, setDocumentId] = useState<string | null>(start?.id ?? null);
  // A recording for the transcription, a text document for the others: a pick that fits one doesn't fit
  // the other, so crossing over starts again from the document the dialog was opened from, if it fits.
  const pickType = (value: JobType) => {
    const wantsRecording = value === "interview_transcription";
    if (wantsRecording !== (type === "interview_transcription")) setDocumentId(start && isRecording(start) === wantsRecording ? start.id : null);
    setType(value);
  };
  const [resumeId, setResumeId] = useState<string | null>(start?.kind === "resume" ? start.id : null);
  const [jobDescriptionId, setJobDescriptionId] = useState<string | null>(start?.kind === "job_description" ? start.id : null);

  let job: JobInput | null = null;
  // Said at once, before any estimate: the api refuses a document matched against itself too.
  const sameTwice = type === "resume_match" && resumeId !== null && resumeId === jobDescriptionId;
  if (type === "resume_match") {
    if (resumeId && jobDescriptionId && !sameTwice) job = { type, input: { resumeDocumentId: resumeId, jobDescriptionDocumentId: jobDescriptionId } };
  } else if (documentId) {
    job = { type, input: { documentId } };
  }
  const estimate = useJobEstimate(job);
  const { errors, formError } = formErrors(create.error, {}, ["input.documentId", "input.resumeDocumentId", "input.jobDescriptionDocumentId"]);
  const blocked = isBlocked(estimate.data);
  // A new choice is a new question: the last refusal shouldn't sit under it.
  const changed = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    if (create.isError) create.reset();
  };

  const run = () => {
    if (!job) return;
    create.mutate(job, {
      onSuccess: (created) => {
        onCancel();
        void navigate(`/jobs/${created.id}`);
      },
    });
  };

  return (
    <Stack>
      <Radio.Group label="Analysis" value={type} onChange={changed((value: string) => isJobType(value) && pickType(value))}>
        <Stack gap="xs" mt="xs">
          {JOB_TYPES.map((t) => (
            <Radio.Card key={t} value={t} p="sm" radius="md" data-testid={`job-type-${t}`}>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <div>
                  <Text fw={600} size="sm">
                    {JOB_TYPE_LABELS[t]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {JOB_TYPE_DESCRIPTIONS[t]}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>

      {type === "resume_match" ? (
        <>
          <DocumentSelect label="Resume" kind="resume" value={resumeId} onChange={changed(setResumeId)} error={fieldError(errors, "input.resumeDocumentId")} preselectOnly />
          <DocumentSelect
            label="Job description"
            kind="job_description"
            value={jobDescriptionId}
            onChange={changed(setJobDescriptionId)}
            error={sameTwice ? SAME_DOCUMENT_TWICE : fieldError(errors, "input.jobDescriptionDocumentId")}
            preselectOnly
          />
        </>
      ) : (
        <DocumentSelect
          label={type === "interview_transcription" ? "Recording" : type === "resume_parse" ? "Resume" : "Document"}
          kind={type === "worklog_summary" ? "worklog" : type === "resume_parse" ? "resume" : undefined}
          audio={type === "interview_transcription"}
          value={documentId}
          onChange={changed(setDocumentId)}
          error={fieldError(errors, "input.documentId")}
        />
      )}

      <EstimatePanel estimate={job ? estimate.data : undefined} loading={estimate.isFetching} error={job ? estimate.error : null} />

      {formError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {formError}
        </Alert>
      )}
      <Group justify="flex-end" mt="xs">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={run} loading={create.isPending} disabled={!job || !estimate.data || estimate.isFetching || blocked} leftSection={<IconPlayerPlay size={16} />}>
          Run
        </Button>
      </Group>
    </Stack>
  );
}

interface RunAnalysisModalProps {
  opened: boolean;
  onClose: () => void;
  /** Opened from a document: it is pre-selected (as the resume or job description when it is one). */
  document?: StartingDocument | null;
}

export function RunAnalysisModal({ opened, onClose, document = null }: RunAnalysisModalProps) {
  // Mounted only while open: each opening starts from the document it was opened from.
  return (
    <Modal opened={opened} onClose={onClose} title="Run analysis" centered size="lg">
      {opened && <AnalysisForm key={document?.id ?? ""} start={document} onCancel={onClose} />}
    </Modal>
  );
}
