// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/Switch.css";
import "@mantine/core/styles/Timeline.css";
import { Badge, Button, Code, Group, Modal, ScrollArea, Stack, Switch, Text, Textarea, TextInput, Timeline } from "@mantine/core";
import { ZFlagTargeting, ZUpdateFlagInput } from "@atrium/sdk";
import { FormAlert } from "../../../components/form-alert";
import { useContractForm } from "../../../lib/form";
import { formatDateTime } from "../../../lib/format";
import type { Flag, FlagDetail } from "../../../lib/trpc";
import { useFlag, useUpdateFlag } from "./use-flags";

const pretty = (v: unknown) => JSON.stringify(v, null, 2);
const NOT_JSON = "must be valid JSON";

/** The text as JSON, or the text itself (which the contract then refuses; `check` names it as not JSON). */
function parsedOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
const isJson = (text: string) => typeof parsedOr(text) !== "string" || text.trim().startsWith('"');

interface Values extends Record<string, unknown> {
  description: string;
  /** The targeting and per-environment targeting as the JSON text typed. */
  targeting: string;
  environments: string;
}

function History({ detail }: { detail: FlagDetail }) {
  if (detail.history.length === 0) return <Text size="sm" c="dimmed">No changes recorded.</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {detail.history.map((h) => (
        <Timeline.Item key={h.id} title={`${h.eventType.replace("flag.", "")} by ${h.actorUsername ?? "?"}`}>
          <Text size="xs" c="dimmed">{formatDateTime(h.occurredAt)}</Text>
          <Group align="flex-start" gap="xs" wrap="nowrap" mt={4}>
            <Code block style={{ flex: 1, fontSize: 11 }}>{pretty((h.before as { targeting?: unknown } | null)?.targeting ?? null)}</Code>
            <Code block style={{ flex: 1, fontSize: 11 }}>{pretty((h.after as { targeting?: unknown } | null)?.targeting ?? null)}</Code>
          </Group>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function FlagForm({ flag, onClose }: { flag: Flag; onClose: () => void }) {
  const detail = useFlag(flag.key);
  const update = useUpdateFlag();
  const form = useContractForm({
    schema: ZUpdateFlagInput,
    initialValues: { description: flag.description, targeting: pretty(flag.targeting), environments: pretty(flag.environments) } as Values,
    toInput: (v) => ({ key: flag.key, description: v.description, targeting: parsedOr(v.targeting), environments: parsedOr(v.environments) }),
    check: (v): Record<string, string> => ({
      ...(isJson(v.targeting) ? {} : { targeting: NOT_JSON }),
      ...(isJson(v.environments) ? {} : { environments: NOT_JSON }),
    }),
    // Any message under targeting.* or environments.* is shown on its textarea, not again above the form.
    fields: ["targeting.*", "environments.*"],
  });

  // The friendly control for the common case: a boolean flag's default, kept in step with the JSON.
  const parsedTargeting = ZFlagTargeting.safeParse(parsedOr(form.values.targeting)).data;
  const setDefault = (on: boolean) => parsedTargeting && form.setFieldValue("targeting", pretty({ ...parsedTargeting, default: on }));
  const submit = form.submit((input) => update.mutate(input, { onSuccess: onClose, onError: form.setServerError }));
  const errorsUnder = (prefix: string) =>
    Object.entries(form.errors)
      .filter(([k, v]) => (k === prefix || k.startsWith(`${prefix}.`)) && v)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join("; ") || undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group gap="xs">
          <Badge variant="light">{flag.type}</Badge>
          <Text size="sm" c="dimmed">First matching rule, then the rollout (by account), then the default.</Text>
        </Group>
        <FormAlert message={form.formError} />
        <TextInput label="Description" {...form.getInputProps("description")} />
        {flag.type === "boolean" && parsedTargeting && (
          <Switch label="On by default" checked={parsedTargeting.default === true} onChange={(e) => setDefault(e.currentTarget.checked)} data-testid="flag-default-switch" />
        )}
        <Textarea
          label="Targeting"
          description='{"default": v, "rules": [{"match": {"accountId" | "organizationId" | "userId" | "role": …}, "value": v}], "rollout": {"percentage": n, "value": v}}'
          autosize
          minRows={6}
          maxRows={16}
          {...form.getInputProps("targeting")}
          error={errorsUnder("targeting")}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          data-testid="flag-targeting"
        />
        <Textarea
          label="Per environment"
          description="A targeting per environment (development, test, staging, production) that replaces the one above there; {} for none."
          autosize
          minRows={2}
          maxRows={10}
          {...form.getInputProps("environments")}
          error={errorsUnder("environments")}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={update.isPending}>Save</Button>
        </Group>
        <Text fw={600} size="sm">History</Text>
        <ScrollArea.Autosize mah={260}>{detail.data ? <History detail={detail.data} /> : <Text size="sm" c="dimmed">Loading…</Text>}</ScrollArea.Autosize>
      </Stack>
    </form>
  );
}

/** Edits one flag: a switch for a boolean default, the whole targeting and per-environment targeting as JSON, and its history. */
export function FlagEditorModal({ flag, onClose }: { flag: Flag | null; onClose: () => void }) {
  // Keyed by flag: each opening starts from that flag, with no stale error from the last one.
  return (
    <Modal opened={flag !== null} onClose={onClose} title={flag ? `Flag ${flag.key}` : ""} size="xl" centered>
      {flag && <FlagForm key={flag.key} flag={flag} onClose={onClose} />}
    </Modal>
  );
}
