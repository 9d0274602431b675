import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconAlertCircle, IconSparkles } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { ZAskAssistantInput, type TAssistantCitation } from "@atrium/sdk";
import { useContractForm } from "../../lib/form";
import { trpc } from "../../lib/trpc";

/** Where each kind of source is shown in the SPA (the HR portal's pages and the document page). */
const HREF: Record<TAssistantCitation["type"], (id: string) => string> = {
  posting: (id) => `/recruiting/postings/${id}`,
  application: (id) => `/recruiting/applications/${id}`,
  document: (id) => `/documents/${id}`,
};

/**
 * "Ask about this posting / this candidate": a question to the configured chat provider over the
 * employer's own data; the answer lists the rows it used as links. Without a provider the api says
 * so (412), and that message is shown as it is.
 */
export function AssistantPanel({ postingId, applicationId }: { postingId?: string; applicationId?: string }) {
  const form = useContractForm({ schema: ZAskAssistantInput, initialValues: { question: "" }, toInput: (v) => ({ ...v, postingId, applicationId }) });
  const ask = useMutation(trpc.recruiting.assistant.ask.mutationOptions({ onError: form.setServerError }));
  const answer = ask.data;
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={form.submit((input) => ask.mutate(input))} noValidate data-testid="assistant-panel">
      <Stack gap="sm">
        <Group gap="xs">
          <IconSparkles size={18} />
          <Title order={5}>Ask the assistant</Title>
        </Group>
        <Textarea
          label={applicationId ? "Ask about this candidate" : "Ask about this posting and its applicants"}
          placeholder={applicationId ? "Does this candidate have ICU experience?" : "Who should we interview first, and why?"}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps("question")}
        />
        {form.formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="assistant-error">
            {form.formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={ask.isPending} leftSection={<IconSparkles size={16} />}>
            Ask
          </Button>
        </Group>
        {answer && (
          <Stack gap="xs" data-testid="assistant-answer">
            <Text style={{ whiteSpace: "pre-wrap" }}>{answer.answer}</Text>
            {answer.citations.length > 0 && (
              <>
                <Text size="xs" c="dimmed">
                  Sources
                </Text>
                <List size="sm" spacing={2}>
                  {answer.citations.map((c) => (
                    <List.Item key={`${c.type}:${c.id}`}>
                      <Anchor component={Link} to={HREF[c.type](c.id)}>
                        {c.title}
                      </Anchor>{" "}
                      <Badge size="xs" variant="light">
                        {c.type}
                      </Badge>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
            <Text size="xs" c="dimmed">
              {answer.model} · {answer.costCents} ¢{answer.truncated ? " · some data was left out to fit the size limit" : ""}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
