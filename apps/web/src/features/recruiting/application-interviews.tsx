import { Button, Collapse, Group, Paper, Stack, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCalendarEvent } from "@tabler/icons-react";
import { useState } from "react";
import { ConfirmModal } from "../../components/confirm-modal";
import { LoadMore } from "../../components/load-more";
import { QueryState } from "../../components/query-state";
import { useCurrentUser } from "../auth/current-user";
import { CandidateInterviewCard } from "./candidate-interview-card";
import { FeedbackPanel } from "./interview-feedback";
import { InterviewFormModal } from "./interview-form";
import { isLive } from "./interview-labels";
import { InterviewSummary } from "./interview-summary";
import { InterviewRecording } from "./interview-recording";
import { useApplicationInterviews, useCancelInterview, useCandidateInterviews, type Interview } from "./use-interviews";

/** An interview as the employer sees it; rescheduling and cancelling only where the caller manages it (onMove/onCancel given). */
export function EmployerInterviewCard({ interview, onMove, onCancel, heading }: { interview: Interview; onMove?: () => void; onCancel?: () => void; heading?: string }) {
  const { user } = useCurrentUser();
  const [open, toggle] = useDisclosure(false);
  const onPanel = interview.interviewers.some((i) => i.userId === user.id);
  return (
    <Paper withBorder p="md" radius="md" data-testid="interview-card">
      <InterviewSummary interview={interview} heading={heading} interviewers={interview.interviewers.map((i) => i.displayName ?? i.username)} />
      <Group mt="sm" gap="xs">
        {isLive(interview) && onMove && onCancel && (
          <>
            <Button size="compact-sm" variant="default" onClick={onMove}>
              Reschedule
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={onCancel}>
              Cancel interview
            </Button>
          </>
        )}
        {interview.status !== "cancelled" && (
          <Button size="compact-sm" variant="subtle" onClick={toggle.toggle} aria-expanded={open}>
            {open ? "Hide feedback and recording" : onPanel ? "Feedback and recording" : "Show feedback and recording"}
          </Button>
        )}
      </Group>
      <Collapse expanded={open}>
        {open && (
          <Stack mt="md" gap="md">
            <FeedbackPanel interviewId={interview.id} myUserId={user.id} onPanel={onPanel} />
            <InterviewRecording interview={interview} />
          </Stack>
        )}
      </Collapse>
    </Paper>
  );
}

function EmployerInterviews({ applicationId, manage }: { applicationId: string; manage: boolean }) {
  const interviews = useApplicationInterviews(applicationId);
  const cancel = useCancelInterview();
  const [form, setForm] = useState<{ interview: Interview | null } | null>(null);
  const [cancelling, setCancelling] = useState<Interview | null>(null);
  const scheduleButton = (
    <Button size="compact-sm" leftSection={<IconCalendarEvent size={14} />} onClick={() => setForm({ interview: null })}>
      Schedule interview
    </Button>
  );
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={4}>Interviews</Title>
        {manage && scheduleButton}
      </Group>
      <QueryState
        query={interviews}
        errorTitle="Couldn't load the interviews"
        loadingLabel="Loading interviews"
        empty={{ icon: <IconCalendarEvent size={28} />, title: "No interviews yet", description: manage ? "Schedule one: the candidate is emailed and asked to confirm." : "A recruiter schedules them; the candidate is emailed and asked to confirm." }}
      >
        {(items) => (
          <Stack gap="sm">
            {items.map((i) => (
              <EmployerInterviewCard key={i.id} interview={i} {...(manage ? { onMove: () => setForm({ interview: i }), onCancel: () => setCancelling(i) } : {})} />
            ))}
            <LoadMore {...interviews} />
          </Stack>
        )}
      </QueryState>
      <InterviewFormModal opened={form !== null} onClose={() => setForm(null)} applicationId={applicationId} interview={form?.interview} />
      <ConfirmModal
        opened={cancelling !== null}
        onClose={() => setCancelling(null)}
        title="Cancel this interview?"
        confirmLabel="Cancel interview"
        loading={cancel.isPending}
        onConfirm={() => cancelling && cancel.mutate({ id: cancelling.id }, { onSuccess: () => setCancelling(null) })}
      >
        The candidate is told by email. You can schedule a new one afterwards.
      </ConfirmModal>
    </Stack>
  );
}

function CandidateInterviews({ applicationId }: { applicationId: string }) {
  const interviews = useCandidateInterviews({ applicationId });
  return (
    <Stack gap="sm">
      <Title order={4}>Interviews</Title>
      <QueryState
        query={interviews}
        errorTitle="Couldn't load your interviews"
        empty={{ icon: <IconCalendarEvent size={28} />, title: "No interviews yet", description: "When the employer schedules one, it shows here and you get an email." }}
      >
        {(items) => (
          <Stack gap="sm">
            {items.map((i) => (
              <CandidateInterviewCard key={i.id} interview={i} />
            ))}
            <LoadMore {...interviews} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** The interviews of one application: the employer schedules and reviews them, the candidate confirms them; both live. */
export function ApplicationInterviews({ applicationId, viewer, manage = false }: { applicationId: string; viewer: "employer" | "candidate"; manage?: boolean }) {
  return viewer === "employer" ? <EmployerInterviews applicationId={applicationId} manage={manage} /> : <CandidateInterviews applicationId={applicationId} />;
}
