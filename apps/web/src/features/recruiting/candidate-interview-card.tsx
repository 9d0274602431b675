import { Button, Paper } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { InterviewSummary } from "./interview-summary";
import { useConfirmInterview, type CandidateInterview } from "./use-interviews";

/** One of the candidate's interviews: when, where, with whom, and "Confirm" while it waits for them. */
export function CandidateInterviewCard({ interview, showPosting = false }: { interview: CandidateInterview; showPosting?: boolean }) {
  const confirm = useConfirmInterview();
  return (
    <Paper withBorder p="md" radius="md" data-testid="candidate-interview">
      <InterviewSummary
        interview={interview}
        heading={showPosting ? `${interview.postingTitle} · ${interview.employerName}` : undefined}
        interviewers={interview.interviewers.map((i) => i.name)}
      />
      {interview.status === "scheduled" && (
        <Button mt="sm" size="compact-sm" leftSection={<IconCheck size={14} />} loading={confirm.isPending} onClick={() => confirm.mutate({ id: interview.id })}>
          Confirm
        </Button>
      )}
    </Paper>
  );
}
