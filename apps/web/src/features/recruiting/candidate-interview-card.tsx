import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { INTERVIEW_STATUS_COLORS, when } from "./interview-labels";
import { useConfirmInterview, type CandidateInterview } from "./use-interviews";

/** One of the candidate's interviews: when, where, with whom, and "Confirm" while it waits for them. */
export function CandidateInterviewCard({ interview, showPosting = false }: { interview: CandidateInterview; showPosting?: boolean }) {
  const confirm = useConfirmInterview();
  return (
    <Paper withBorder p="md" radius="md" data-testid="candidate-interview">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          {showPosting && (
            <Text fw={600}>
              {interview.postingTitle} · {interview.employerName}
            </Text>
          )}
          <Text fw={500}>{when(interview)}</Text>
          {interview.meetingUrl && (
            <Anchor href={interview.meetingUrl} target="_blank" rel="noreferrer" size="sm">
              {interview.meetingUrl}
            </Anchor>
          )}
          {interview.location && <Text size="sm">{interview.location}</Text>}
          {interview.interviewers.length > 0 && (
            <Text size="sm" c="dimmed">
              With {interview.interviewers.map((i) => i.name).join(", ")}
            </Text>
          )}
        </Stack>
        <Badge variant="light" color={INTERVIEW_STATUS_COLORS[interview.status]} data-testid="interview-status">
          {interview.status}
        </Badge>
      </Group>
      {interview.status === "scheduled" && (
        <Button mt="sm" size="compact-sm" leftSection={<IconCheck size={14} />} loading={confirm.isPending} onClick={() => confirm.mutate({ id: interview.id })}>
          Confirm
        </Button>
      )}
    </Paper>
  );
}
