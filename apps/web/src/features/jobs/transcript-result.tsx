import { Badge, Group, ScrollArea, Stack, Text } from "@mantine/core";
import { num, sentimentLabel, strings, text } from "./result-fields";
import { Chips, Section } from "./result-parts";

type Result = Record<string, unknown>;

const minutes = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

/** An interview transcription: what was said, its summary and tone, and how long the recording was. */
export function TranscriptResult({ result }: { result: Result }) {
  const seconds = num(result, "durationSeconds");
  const sentiment = num(result, "sentiment");
  const mood = sentiment === null ? null : sentimentLabel(sentiment);
  const language = text(result, "language");
  return (
    <Stack gap="lg">
      <Group gap="md">
        {seconds !== null && (
          <Badge variant="light" color="gray" size="lg" data-testid="transcript-duration">
            {minutes(seconds)} of audio
          </Badge>
        )}
        {language && (
          <Badge variant="light" color="gray" size="lg">
            {language}
          </Badge>
        )}
        {mood && (
          <Badge variant="light" color={mood.color} size="lg" data-testid="result-sentiment">
            {mood.label}
          </Badge>
        )}
      </Group>
      <Section title="Summary">
        <Text data-testid="result-summary">{text(result, "summary") ?? "No summary."}</Text>
      </Section>
      <Section title="Keywords">
        <Chips items={strings(result, "keywords")} color="gray" empty="No keywords found." testId="result-keywords" />
      </Section>
      <Section title="Transcript">
        <ScrollArea.Autosize mah={360} type="auto">
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="transcript-text">
            {text(result, "transcript") ?? ""}
          </Text>
        </ScrollArea.Autosize>
        <Text size="xs" c="dimmed">
          Also saved as the recording's text, so other analyses can read it.
        </Text>
      </Section>
    </Stack>
  );
}
