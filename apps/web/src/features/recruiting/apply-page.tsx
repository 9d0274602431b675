import { Anchor, Button, FileButton, Group, Paper, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { COVER_LETTER_MAX_LENGTH, ZApplyInput } from "@atrium/sdk";
import { FormAlert } from "../../components/form-alert";
import { QueryError } from "../../components/query-error";
import { useLiveInvalidate } from "../../lib/live";
import { useContractForm } from "../../lib/form";
import { trpc } from "../../lib/trpc";
import { ExtractionNote, resumeLabel } from "../documents/extraction-note";
import { useUpload } from "../documents/use-upload";
import { useApply } from "./use-applications";
import { usePublicPosting } from "./use-postings";

/** The candidate's résumés (their own account), newest first; a new upload shows once its text is read. */
function useMyResumes() {
  useLiveInvalidate(["document.updated"], trpc.documents.list.pathKey(), { throttleMs: 0 });
  return useQuery(trpc.documents.list.queryOptions({ kind: "resume", limit: 100 }));
}

/** `/jobs/:accountSlug/:postingId/apply`: pick (or upload) a résumé, write a cover letter, send. */
export function ApplyPage() {
  const { accountSlug = "", postingId = "" } = useParams();
  const navigate = useNavigate();
  const apply = useApply();
  const resumes = useMyResumes();
  const posting = usePublicPosting(accountSlug, postingId);
  const form = useContractForm({
    schema: ZApplyInput,
    initialValues: { resumeDocumentId: "", coverLetter: "" },
    toInput: (v) => ({ postingId, resumeDocumentId: v.resumeDocumentId || undefined, coverLetter: v.coverLetter, source: "job_board" }),
  });
  const upload = useUpload((doc) => form.setFieldValue("resumeDocumentId", doc.id));
  const options = (resumes.data?.items ?? []).map((d) => ({ value: d.id, label: resumeLabel(d), disabled: d.extractionStatus === "failed" }));
  // A fresh upload is picked at once, readable or not: say why it can't be sent rather than let the api refuse it.
  const picked = resumes.data?.items.find((d) => d.id === form.values.resumeDocumentId);

  return (
    <Stack maw={640}>
      <Anchor component={Link} to={`/jobs/${accountSlug}/${postingId}`} size="sm">
        Back to the posting
      </Anchor>
      <Title order={2}>Apply for this job</Title>
      {posting.data && (
        <Text c="dimmed" data-testid="apply-posting">
          {posting.data.title} · {posting.data.employer.name}
        </Text>
      )}
      {/* Closed (or never published): say so and point at the employer's other jobs, rather than a form the api would refuse. */}
      {posting.isError ? (
        <QueryError error={posting.error} title="This job isn't open for applications" />
      ) : (
        <Paper withBorder radius="md" p="lg">
          <form onSubmit={form.submit((input) => apply.mutate(input, { onSuccess: (a) => void navigate(`/candidate/applications/${a.id}`), onError: form.setServerError }))} noValidate>
            <Stack>
              <FormAlert message={form.formError} />
              {/* On a phone the upload button goes under the picker rather than squeezing it to a few letters. */}
              <Group align="flex-end" wrap="wrap">
                <Select
                  label="Résumé"
                  placeholder={options.length ? "Pick one of your résumés" : "Upload a résumé first"}
                  data={options}
                  style={{ flex: 1, minWidth: 240 }}
                  {...form.getInputProps("resumeDocumentId")}
                />
                <FileButton onChange={(file) => file && upload.start(file, "resume")} accept=".pdf,.docx,.txt,application/pdf,text/plain">
                  {(props) => (
                    <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={upload.state.phase === "uploading"}>
                      Upload a résumé
                    </Button>
                  )}
                </FileButton>
              </Group>
              <ExtractionNote doc={picked} />
              {upload.state.phase === "error" && (
                <Text size="sm" c="red">
                  {upload.state.message}
                </Text>
              )}
              <Textarea label="Cover letter" description="Optional" autosize minRows={6} maxRows={16} maxLength={COVER_LETTER_MAX_LENGTH} {...form.getInputProps("coverLetter")} />
              <Group justify="flex-end">
                <Button type="submit" loading={apply.isPending}>
                  Send application
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      {posting.isError && (
        <Anchor component={Link} to={`/jobs/${accountSlug}`}>
          See this employer's open jobs
        </Anchor>
      )}
    </Stack>
  );
}
