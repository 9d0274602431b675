// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/Radio.css";
import { Button, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { IconPlayerPlay } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { SAME_DOCUMENT_TWICE, ZCreateJobInput } from "@atrium/sdk";
import { FormAlert } from "../../components/form-alert";
import { useContractForm } from "../../lib/form";
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

interface Values extends Record<string, unknown> {
  type: JobType;
  documentId: string | null;
  resumeId: string | null;
  jobDescriptionId: string | null;
}

/** What the choices make: a job to estimate and run, or null while one is missing (or the same document is picked twice). */
function jobOf({ type, documentId, resumeId, jobDescriptionId }: Values): JobInput | null {
  if (type !== "resume_match") return documentId ? { type, input: { documentId } } : null;
  // Said at once, before any estimate: the api refuses a document matched against itself too.
  if (!resumeId || !jobDescriptionId || resumeId === jobDescriptionId) return null;
  return { type, input: { resumeDocumentId: resumeId, jobDescriptionDocumentId: jobDescriptionId } };
}

function AnalysisForm({ start, onCancel }: { start: StartingDocument | null; onCancel: () => void }) {
  const navigate = useNavigate();
  const create = useCreateJob();
  const form = useContractForm({
    schema: ZCreateJobInput,
    initialValues: {
      type: initialType(start),
      documentId: start?.id ?? null,
      resumeId: start?.kind === "resume" ? start.id : null,
      jobDescriptionId: start?.kind === "job_description" ? start.id : null,
    } as Values,
    toInput: (values) => jobOf(values) ?? { type: values.type },
    // The api names the documents inside `input`; each has its picker here.
    fields: ["input.documentId", "input.resumeDocumentId", "input.jobDescriptionDocumentId"],
  });
  const { type, documentId, resumeId, jobDescriptionId } = form.values;
  const sameTwice = type === "resume_match" && resumeId !== null && resumeId === jobDescriptionId;
  const job = jobOf(form.values);
  const estimate = useJobEstimate(job);
  const blocked = isBlocked(estimate.data);
  // A new choice is a new question: the last refusal shouldn't sit under it.
  const changed = (field: "type" | "documentId" | "resumeId" | "jobDescriptionId") => (value: string | null) => {
    form.setValues({ [field]: value });
    form.setServerError(null);
  };

  // A recording for the transcription, a text document for the others: a pick that fits one doesn't fit
  // the other, so crossing over starts again from the document the dialog was opened from, if it fits.
  const pickType = (value: JobType) => {
    const wantsRecording = value === "interview_transcription";
    if (wantsRecording !== (type === "interview_transcription")) form.setValues({ documentId: start && isRecording(start) === wantsRecording ? start.id : null });
    changed("type")(value);
  };

  const run = form.submit(() => {
    if (!job) return;
    create.mutate(job, {
      onSuccess: (created) => {
        onCancel();
        void navigate(`/jobs/${created.id}`);
      },
      onError: form.setServerError,
    });
  });

  return (
    <Stack>
      <Radio.Group label="Analysis" value={type} onChange={(value) => isJobType(value) && pickType(value)}>
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
          <DocumentSelect label="Resume" kind="resume" value={resumeId} onChange={changed("resumeId")} error={form.errors["input.resumeDocumentId"] as string | undefined} preselectOnly />
          <DocumentSelect
            label="Job description"
            kind="job_description"
            value={jobDescriptionId}
            onChange={changed("jobDescriptionId")}
            error={sameTwice ? SAME_DOCUMENT_TWICE : (form.errors["input.jobDescriptionDocumentId"] as string | undefined)}
            preselectOnly
          />
        </>
      ) : (
        <DocumentSelect
          label={type === "interview_transcription" ? "Recording" : type === "resume_parse" ? "Resume" : "Document"}
          kind={type === "worklog_summary" ? "worklog" : type === "resume_parse" ? "resume" : undefined}
          audio={type === "interview_transcription"}
          value={documentId}
          onChange={changed("documentId")}
          error={form.errors["input.documentId"] as string | undefined}
        />
      )}

      <EstimatePanel estimate={job ? estimate.data : undefined} loading={estimate.isFetching} error={job ? estimate.error : null} />

      <FormAlert message={form.formError} />
      <Group justify="flex-end" mt="xs">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => run()} loading={create.isPending} disabled={!job || !estimate.data || estimate.isFetching || blocked} leftSection={<IconPlayerPlay size={16} />}>
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
