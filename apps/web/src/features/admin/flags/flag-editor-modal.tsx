// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/Switch.css";
import "@mantine/core/styles/Timeline.css";
import { Alert, Badge, Button, Code, Group, Modal, ScrollArea, Stack, Switch, Text, Textarea, TextInput, Timeline } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useEffect, useState, type FormEvent } from "react";
import { ZFlagEnvironments, ZFlagTargeting } from "@atrium/sdk";
import { fieldErrorsOf, fieldErrorsOfIssues, type FieldErrors } from "../../../lib/errors";
import { fieldError, formErrors } from "../../../lib/form";
import { formatDateTime } from "../../../lib/format";
import type { Flag, FlagDetail } from "../../../lib/trpc";
import { useFlag, useUpdateFlag } from "./use-flags";

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/** JSON text checked against a zod schema: the value, or field errors under `field`. */
function parseJsonField<T>(text: string, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }, field: string): { value?: T; errors: FieldErrors } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { errors: { [field]: ["must be valid JSON"] } };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, errors: {} };
  const nested = fieldErrorsOfIssues(parsed.error.issues);
  return { errors: Object.fromEntries(Object.entries(nested).map(([k, v]) => [k === "_" ? field : `${field}.${k}`, v])) };
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

/** Edits one flag: a switch for a boolean default, the whole targeting and per-environment targeting as JSON, and its history. */
export function FlagEditorModal({ flag, onClose }: { flag: Flag | null; onClose: () => void }) {
  const detail = useFlag(flag?.key ?? null);
  const update = useUpdateFlag();
  const resetUpdate = update.reset;
  const [description, setDescription] = useState("");
  const [targeting, setTargeting] = useState("");
  const [environments, setEnvironments] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (!flag) return;
    setDescription(flag.description);
    setTargeting(pretty(flag.targeting));
    setEnvironments(pretty(flag.environments));
    setClientErrors({});
    // Only when another flag is opened: a stale error from the last one must not show.
    resetUpdate();
  }, [flag, resetUpdate]);

  // The friendly control for the common case: a boolean flag's default, kept in step with the JSON.
  const parsedTargeting = parseJsonField(targeting, ZFlagTargeting, "targeting").value;
  const setDefault = (on: boolean) => parsedTargeting && setTargeting(pretty({ ...parsedTargeting, default: on }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!flag) return;
    const t = parseJsonField(targeting, ZFlagTargeting, "targeting");
    const envs = parseJsonField(environments, ZFlagEnvironments, "environments");
    const errors = { ...t.errors, ...envs.errors };
    setClientErrors(errors);
    if (Object.keys(errors).length || !t.value || !envs.value) return;
    update.mutate({ key: flag.key, description, targeting: t.value, environments: envs.value }, { onSuccess: onClose });
  };

  // Any server message under targeting.* or environments.* is shown on its textarea, not again above the form.
  const onFields = ["description", ...Object.keys(fieldErrorsOf(update.error)).filter((k) => /^(targeting|environments)\b/.test(k))];
  const { errors, formError } = formErrors(update.error, clientErrors, onFields);
  const errorsUnder = (prefix: string) =>
    Object.entries(errors)
      .filter(([k, v]) => (k === prefix || k.startsWith(`${prefix}.`)) && v?.length)
      .map(([k, v]) => `${k}: ${v?.join(", ")}`)
      .join("; ") || undefined;

  return (
    <Modal opened={flag !== null} onClose={onClose} title={flag ? `Flag ${flag.key}` : ""} size="xl" centered>
      {flag && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group gap="xs">
              <Badge variant="light">{flag.type}</Badge>
              <Text size="sm" c="dimmed">First matching rule, then the rollout (by account), then the default.</Text>
            </Group>
            {formError && <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>{formError}</Alert>}
            <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(errors, "description")} />
            {flag.type === "boolean" && parsedTargeting && (
              <Switch label="On by default" checked={parsedTargeting.default === true} onChange={(e) => setDefault(e.currentTarget.checked)} data-testid="flag-default-switch" />
            )}
            <Textarea
              label="Targeting"
              description='{"default": v, "rules": [{"match": {"accountId" | "organizationId" | "userId" | "role": …}, "value": v}], "rollout": {"percentage": n, "value": v}}'
              autosize
              minRows={6}
              maxRows={16}
              value={targeting}
              onChange={(e) => setTargeting(e.currentTarget.value)}
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
              value={environments}
              onChange={(e) => setEnvironments(e.currentTarget.value)}
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
      )}
    </Modal>
  );
}
