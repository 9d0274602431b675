import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useParams } from "react-router";
import { QueryState } from "../../components/query-state";
import { formatDateTime } from "../../lib/format";
import { Crumbs } from "./crumbs";
import { ApplicationConversation } from "./application-conversation";
import { ApplicationInterviews } from "./application-interviews";
import { STAGE_COLORS, STAGE_LABELS } from "./application-labels";
import { WithdrawButton } from "./my-applications-page";
import { useMyApplication } from "./use-applications";

/** `/candidate/applications/:id`: one of the candidate's applications, its live status, interviews and messages. */
export function MyApplicationPage() {
  const { id = "" } = useParams();
  const app = useMyApplication(id);
  return (
    <>
      <Crumbs to="/candidate/applications" label="My applications" current={app.data?.postingTitle ?? "Application"} />
      <QueryState query={app} errorTitle="Couldn't load this application">
        {(a) => (
          <Stack gap="lg">
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <div>
                <Title order={2}>{a.postingTitle}</Title>
                <Text c="dimmed" size="sm">
                  {a.employerName} · applied {formatDateTime(a.appliedAt)}
                </Text>
              </div>
              <Group>
                <Badge size="lg" variant="light" color={STAGE_COLORS[a.status]} data-testid="application-status" data-status={a.status}>
                  {STAGE_LABELS[a.status]}
                </Badge>
                <WithdrawButton app={a} />
              </Group>
            </Group>
            <Paper withBorder radius="md" p="lg">
              <Title order={4} mb="sm">
                Your cover letter
              </Title>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={a.coverLetter ? undefined : "dimmed"}>
                {a.coverLetter || "You sent no cover letter."}
              </Text>
            </Paper>
            <ApplicationInterviews applicationId={a.id} viewer="candidate" />
            <ApplicationConversation applicationId={a.id} viewer="candidate" />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
