import { ActionIcon, Badge, Button, Group, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { INTERVIEW_RECOMMENDATIONS, SCORECARD_MAX_CRITERIA, ZSubmitFeedbackInput } from "@atrium/sdk";
import { FormAlert } from "../../components/form-alert";
import { QueryState } from "../../components/query-state";
import { useContractForm } from "../../lib/form";
import { useInterviewFeedback, useSubmitFeedback, type InterviewFeedback } from "./use-interviews";

export const RECOMMENDATION_LABELS: Record<(typeof INTERVIEW_RECOMMENDATIONS)[number], string> = { strong_no: "Strong no", no: "No", yes: "Yes", strong_yes: "Strong yes" };
const RECOMMENDATION_COLORS = { strong_no: "red", no: "orange", yes: "teal", strong_yes: "green" } as const;

type Row = { criterion: string; score: number | string; comment: string };

/** The interviewer's own notes, scorecard and recommendation; what they wrote before is the starting point. */
export function FeedbackForm({ interviewId, mine }: { interviewId: string; mine?: InterviewFeedback }) {
  const submit = useSubmitFeedback();
  const form = useContractForm({
    schema: ZSubmitFeedbackInput,
    initialValues: {
      notes: mine?.notes ?? "",
      recommendation: (mine?.recommendation ?? null) as string | null,
      scorecard: (mine?.scorecard.length ? mine.scorecard.map((r) => ({ criterion: r.criterion, score: r.score, comment: r.comment ?? "" })) : [{ criterion: "", score: 3, comment: "" }]) as Row[],
    },
    toInput: (v) => ({
      id: interviewId,
      notes: v.notes,
      recommendation: v.recommendation ?? undefined,
      scorecard: v.scorecard.filter((r) => r.criterion.trim()).map((r) => ({ criterion: r.criterion, score: Number(r.score), ...(r.comment.trim() ? { comment: r.comment } : {}) })),
    }),
    fields: ["scorecard.*"],
  });
  const rows = form.values.scorecard;
  return (
    <form onSubmit={form.submit((input) => submit.mutate(input, { onError: form.setServerError }))} noValidate aria-label="Your feedback">
      <Stack gap="xs">
        <FormAlert message={form.formError} />
        {rows.map((_, i) => (
          <Group key={i} align="flex-start" wrap="nowrap" gap="xs">
            <TextInput aria-label={`Criterion ${i + 1}`} placeholder="Criterion, e.g. System design" style={{ flex: 2 }} {...form.getInputProps(`scorecard.${i}.criterion`)} />
            <NumberInput aria-label={`Score ${i + 1} (1–5)`} min={1} max={5} w={80} clampBehavior="none" {...form.getInputProps(`scorecard.${i}.score`)} />
            <TextInput aria-label={`Comment ${i + 1}`} placeholder="Comment (optional)" style={{ flex: 3 }} {...form.getInputProps(`scorecard.${i}.comment`)} />
            <ActionIcon variant="subtle" color="red" aria-label={`Remove criterion ${i + 1}`} onClick={() => form.removeListItem("scorecard", i)} mt={6}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} disabled={rows.length >= SCORECARD_MAX_CRITERIA} onClick={() => form.insertListItem("scorecard", { criterion: "", score: 3, comment: "" })}>
            Add criterion
          </Button>
        </Group>
        <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps("notes")} />
        <Select label="Recommendation" placeholder="Pick one" data={INTERVIEW_RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] }))} {...form.getInputProps("recommendation")} />
        <Group justify="flex-end">
          <Button type="submit" loading={submit.isPending}>
            Save feedback
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RecommendationBadge({ value }: { value: InterviewFeedback["recommendation"] }) {
  if (!value) return <Badge variant="light" color="gray">No feedback yet</Badge>;
  return (
    <Badge variant="light" color={RECOMMENDATION_COLORS[value]}>
      {RECOMMENDATION_LABELS[value]}
    </Badge>
  );
}

/** Every interviewer's feedback, for recruiters and hiring managers; the viewer's own is an editable form when they sit on the panel. */
export function FeedbackPanel({ interviewId, myUserId, onPanel }: { interviewId: string; myUserId: string; onPanel: boolean }) {
  const feedback = useInterviewFeedback(interviewId, true);
  return (
    <QueryState query={feedback} errorTitle="Couldn't load the feedback" loadingLabel="Loading feedback">
      {(items) => (
        <Stack gap="sm">
          {onPanel && <FeedbackForm interviewId={interviewId} mine={items.find((f) => f.userId === myUserId)} />}
          {items
            .filter((f) => f.userId !== myUserId || !onPanel)
            .map((f) => (
              <Paper key={f.userId} withBorder p="sm" radius="md" data-testid="interview-feedback">
                <Group justify="space-between">
                  <Text fw={500}>{f.displayName ?? f.username}</Text>
                  <RecommendationBadge value={f.recommendation} />
                </Group>
                {f.scorecard.map((r) => (
                  <Text key={r.criterion} size="sm">
                    {r.criterion}: {r.score}/5{r.comment ? ` — ${r.comment}` : ""}
                  </Text>
                ))}
                {f.notes && (
                  <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                    {f.notes}
                  </Text>
                )}
              </Paper>
            ))}
        </Stack>
      )}
    </QueryState>
  );
}
