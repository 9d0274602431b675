import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { INTERVIEW_STATUS_COLORS, when } from "./interview-labels";

interface Summarised {
  status: keyof typeof INTERVIEW_STATUS_COLORS;
  startsAt: string;
  durationMinutes: number;
  meetingUrl: string | null;
  location: string | null;
}

/** The top of an interview card, the employer's or the candidate's: what, when, where, with whom, and its status. */
export function InterviewSummary({ interview, heading, interviewers }: { interview: Summarised; heading?: string; interviewers: string[] }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={2} style={{ minWidth: 0 }}>
        {heading && <Text fw={600}>{heading}</Text>}
        <Text fw={500}>{when(interview)}</Text>
        {interview.meetingUrl && (
          <Anchor href={interview.meetingUrl} target="_blank" rel="noreferrer" size="sm" style={{ overflowWrap: "anywhere" }}>
            {interview.meetingUrl}
          </Anchor>
        )}
        {interview.location && <Text size="sm">{interview.location}</Text>}
        {interviewers.length > 0 && (
          <Text size="sm" c="dimmed">
            With {interviewers.join(", ")}
          </Text>
        )}
      </Stack>
      <Badge variant="light" color={INTERVIEW_STATUS_COLORS[interview.status]} data-testid="interview-status" style={{ flexShrink: 0 }}>
        {interview.status}
      </Badge>
    </Group>
  );
}
