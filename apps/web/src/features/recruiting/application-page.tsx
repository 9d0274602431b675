import { Alert, Anchor, Badge, Button, Grid, Group, Paper, ScrollArea, Stack, Text, Timeline, Title } from "@mantine/core";
import { IconAlertCircle, IconRefresh } from "@tabler/icons-react";
import { Link, useParams } from "react-router";
import type { TApplicationDetail } from "@atrium/sdk";
import { QueryState } from "../../components/query-state";
import { errorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { Crumbs } from "./crumbs";
import { ApplicationConversation } from "./application-conversation";
import { AssistantPanel } from "./assistant-panel";
import { ApplicationInterviews } from "./application-interviews";
import { scoreLabel, STAGE_COLORS, STAGE_LABELS } from "./application-labels";
import { StageMenu } from "./stage-menu";
import { useApplication, useMoveApplication, useRematch } from "./use-applications";
import { useRecruitingAccess } from "./use-recruiting-access";

function Skills({ label, skills, color }: { label: string; skills: string[]; color: string }) {
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {label}
      </Text>
      {skills.length ? (
        <Group gap={4}>
          {skills.map((s) => (
            <Badge key={s} variant="light" color={color} tt="none">
              {s}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          None
        </Text>
      )}
    </div>
  );
}

function Match({ app, manage }: { app: TApplicationDetail; manage: boolean }) {
  const rematch = useRematch();
  const { match } = app;
  const canRerun = match.state === "not_run" || match.state === "failed" || match.state === "done";
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Résumé match</Title>
        {manage && canRerun && (
          <Button size="xs" variant="subtle" leftSection={<IconRefresh size={14} />} loading={rematch.isPending} onClick={() => rematch.mutate({ id: app.id })}>
            Run the match again
          </Button>
        )}
      </Group>
      <Group align="baseline" gap="xs" mb="sm">
        <Text size="xl" fw={700} data-testid="match-score">
          {scoreLabel(match)}
        </Text>
        {match.score !== null && (
          <Text size="sm" c="dimmed">
            out of 100
          </Text>
        )}
      </Group>
      {match.error && (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} mb="sm">
          {match.error}
        </Alert>
      )}
      {rematch.error && (
        <Alert color="red" variant="light" mb="sm">
          {errorMessage(rematch.error)}
        </Alert>
      )}
      <Stack gap="sm">
        <Skills label="Matched skills" skills={match.matchedSkills} color="teal" />
        <Skills label="Missing skills" skills={match.missingSkills} color="orange" />
      </Stack>
    </Paper>
  );
}

function Details({ app }: { app: TApplicationDetail }) {
  const move = useMoveApplication();
  // Hiring managers read: the changes (move, match, interviews) are the recruiters' and the api refuses them theirs.
  const manage = useRecruitingAccess().rightsIn(app.accountId).manage;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{app.candidateName}</Title>
          <Text c="dimmed" size="sm">
            {app.candidateEmail} · applied {formatDateTime(app.appliedAt)} for {app.postingTitle}
          </Text>
        </div>
        <Group>
          <Badge size="lg" variant="light" color={STAGE_COLORS[app.status]} data-testid="application-status">
            {STAGE_LABELS[app.status]}
          </Badge>
          {manage && <StageMenu name={app.candidateName} status={app.status} loading={move.isPending} onMove={(to) => move.mutate({ id: app.id, from: app.status, to, name: app.candidateName })} />}
        </Group>
      </Group>
      {move.error && (
        <Alert color="red" variant="light">
          {errorMessage(move.error)}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Match app={app} manage={manage} />
            <Paper withBorder radius="md" p="lg">
              <Title order={4} mb="sm">
                Cover letter
              </Title>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={app.coverLetter ? undefined : "dimmed"}>
                {app.coverLetter || "No cover letter."}
              </Text>
            </Paper>
            <Paper withBorder radius="md" p="lg">
              <Group justify="space-between" mb="sm">
                <Title order={4}>Résumé</Title>
                {app.resume && (
                  <Anchor component={Link} to={`/documents/${app.resume.documentId}`} size="sm">
                    {app.resume.filename}
                  </Anchor>
                )}
              </Group>
              <ScrollArea.Autosize mah={420} type="auto">
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="resume-text">
                  {app.resume?.textPreview ?? "The résumé is no longer available."}
                </Text>
              </ScrollArea.Autosize>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="lg">
              <Title order={4} mb="sm">
                History
              </Title>
              <Timeline bulletSize={14} lineWidth={2}>
                {app.stages.map((s, i) => (
                  <Timeline.Item key={i} title={STAGE_LABELS[s.to]}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(s.at)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Paper>
            <ApplicationInterviews applicationId={app.id} viewer="employer" manage={manage} />
            <ApplicationConversation applicationId={app.id} viewer="employer" />
            <AssistantPanel applicationId={app.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** `/recruiting/applications/:id`: one application as the employer's recruiting roles see it. */
export function ApplicationPage() {
  const { id = "" } = useParams();
  const app = useApplication(id);
  return (
    <>
      <Crumbs to={app.data ? `/recruiting/postings/${app.data.postingId}` : "/recruiting/postings"} label={app.data?.postingTitle ?? "Posting"} current="Application" />
      <QueryState query={app} errorTitle="Couldn't load this application">
        {(a) => <Details app={a} />}
      </QueryState>
    </>
  );
}
