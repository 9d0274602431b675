// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/RingProgress.css";
import { Badge, Center, Divider, Grid, Group, List, Paper, RingProgress, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCheck, IconTrophy, IconX } from "@tabler/icons-react";
import { MatchBreakdown } from "./match-breakdown";
import { entities, num, scoreColor, sentimentLabel, strings, text, truncationNotes, type Entity } from "./result-fields";
import { Chips, Section } from "./result-parts";
import { ResumeExtract } from "./resume-extract";
import { ResumeProfileResult } from "./resume-profile";
import { TranscriptResult } from "./transcript-result";

type Result = Record<string, unknown>;

/** Entities of one type together: "organization: Acme Corp, Klarna". */
function groupByType(found: Entity[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const e of found) {
    const names = groups.get(e.type) ?? [];
    if (!names.includes(e.text)) names.push(e.text);
    groups.set(e.type, names);
  }
  return groups;
}

/** The tone, only when the analyzer gave one (transcripts, worklogs; never a résumé). */
function Sentiment({ result }: { result: Result }) {
  const sentiment = num(result, "sentiment");
  if (sentiment === null) return null;
  const mood = sentimentLabel(sentiment);
  return (
    <Section title="Sentiment">
      <Group gap="xs">
        <Badge color={mood.color} variant="light" size="lg" data-testid="result-sentiment">
          {mood.label}
        </Badge>
        <Text size="sm" c="dimmed">
          {sentiment.toFixed(2)} on a scale from −1 to 1
        </Text>
      </Group>
    </Section>
  );
}

function DocumentAnalysisResult({ result }: { result: Result }) {
  const found = entities(result);
  return (
    <Stack gap="lg">
      <Section title="Summary">
        <Text data-testid="result-summary">{text(result, "summary") ?? "No summary."}</Text>
      </Section>
      <Sentiment result={result} />
      {result.resume !== undefined && <ResumeExtract resume={result.resume} />}
      <Section title="Skills">
        <Chips items={strings(result, "skills")} empty="No skills found." testId="result-skills" />
      </Section>
      <Section title="Keywords">
        <Chips items={strings(result, "keywords")} color="gray" empty="No keywords found." testId="result-keywords" />
      </Section>
      <Section title="Named entities">
        {found.length === 0 ? (
          <Text size="sm" c="dimmed">
            No names, places or organizations found.
          </Text>
        ) : (
          <Stack gap="xs" data-testid="result-entities">
            {[...groupByType(found)].map(([type, names]) => (
              <Group key={type} gap="xs" align="flex-start" wrap="nowrap">
                <Text size="sm" c="dimmed" w={110} mt={4} style={{ flexShrink: 0, textTransform: "capitalize" }}>
                  {type}
                </Text>
                <Chips items={names} color="gray" empty="" testId={`entities-${type}`} />
              </Group>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

function ResumeMatchResult({ result }: { result: Result }) {
  const score = Math.round(Math.min(100, Math.max(0, num(result, "score") ?? 0)));
  const color = scoreColor(score);
  const summary = text(result, "summary");
  return (
    <Stack gap="lg">
      <Grid gap="xl" align="center">
        <Grid.Col span={{ base: 12, sm: "content" }}>
          <Center>
            <RingProgress
              size={190}
              thickness={16}
              roundCaps
              sections={[{ value: score, color, tooltip: `${score} of 100` }]}
              data-testid="match-gauge"
              data-score={score}
              label={
                <Stack gap={0} align="center">
                  <Text fz={40} fw={700} lh={1} c={`${color}.7`} data-testid="match-score">
                    {score}
                  </Text>
                  <Text size="xs" c="dimmed">
                    match score
                  </Text>
                </Stack>
              }
            />
          </Center>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: "auto" }}>
          <Stack gap="lg">
            {summary && <Text data-testid="result-summary">{summary}</Text>}
            <Section title="Matched skills">
              <Chips items={strings(result, "matchedSkills")} color="teal" empty="None of the job's skills were found in the resume." testId="matched-skills" icon={<IconCheck size={12} />} />
            </Section>
            <Section title="Missing required skills">
              <Chips items={strings(result, "missingSkills")} color="red" empty="The resume covers every skill the job requires." testId="missing-skills" icon={<IconX size={12} />} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {result.breakdown !== undefined && (
        <>
          <Divider />
          <MatchBreakdown breakdown={result.breakdown} />
        </>
      )}
    </Stack>
  );
}

function WorklogSummaryResult({ result }: { result: Result }) {
  const bullets = strings(result, "bullets");
  const summary = text(result, "summary");
  return (
    <Stack gap="lg">
      {summary && (
        <Section title="Summary">
          <Text data-testid="result-summary">{summary}</Text>
        </Section>
      )}
      <Sentiment result={result} />
      <Section title="Achievements">
        {bullets.length === 0 ? (
          <Text size="sm" c="dimmed">
            No achievements found in this worklog.
          </Text>
        ) : (
          <List
            spacing="xs"
            icon={
              <ThemeIcon size={20} radius="xl" variant="light" color="teal">
                <IconTrophy size={12} />
              </ThemeIcon>
            }
            data-testid="result-bullets"
          >
            {bullets.map((b) => (
              <List.Item key={b}>{b}</List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}

/** The job's result, drawn for its type; unknown types show their JSON. */
export function JobResults({ type, result }: { type: string; result: Result }) {
  let body;
  if (type === "document_analysis") body = <DocumentAnalysisResult result={result} />;
  else if (type === "resume_match") body = <ResumeMatchResult result={result} />;
  else if (type === "worklog_summary") body = <WorklogSummaryResult result={result} />;
  else if (type === "resume_parse") body = <ResumeProfileResult result={result} />;
  else if (type === "interview_transcription") body = <TranscriptResult result={result} />;
  else body = <Text component="pre" size="xs" style={{ whiteSpace: "pre-wrap" }}>{JSON.stringify(result, null, 2)}</Text>;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="job-results">
      <Title order={4} mb="md">
        Results
      </Title>
      {truncationNotes(result).map((note) => (
        <Text key={note} size="sm" c="orange" mb="sm" data-testid="result-truncated">
          {note}
        </Text>
      ))}
      {body}
    </Paper>
  );
}
