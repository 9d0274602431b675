import "@mantine/core/styles/SegmentedControl.css";
import { Card, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/query-state";
import { usePreferences, useUpdatePreference } from "./use-notifications";

const CHANNEL_LABELS: Record<string, string> = { in_app: "In app", email: "In app + email", off: "Off" };
// message.new's "email" is the digest alone (the inbox shows unread messages already).
const labelFor = (kind: string, channel: string) => (kind === "message.new" && channel === "email" ? "Email" : (CHANNEL_LABELS[channel] ?? channel));

/** Settings → Notifications: one row per kind, with the channels that kind offers. */
export function NotificationSettingsPage() {
  const prefs = usePreferences();
  const update = useUpdatePreference();
  return (
    <>
      <PageHeader title="Notifications" description="Choose how you hear about each kind of event: in the app (the bell), also by email, or not at all." />
      <QueryState query={prefs} errorTitle="Couldn't load your notification settings">
        {(data) => (
          <Card withBorder padding={0}>
            {data.items.map((p, i) => (
              <Group key={p.kind} justify="space-between" wrap="wrap" p="md" style={i ? { borderTop: "1px solid var(--mantine-color-default-border)" } : undefined} data-testid={`pref-${p.kind}`}>
                <Stack gap={2} style={{ flex: "1 1 240px" }}>
                  <Text fw={500} id={`pref-label-${p.kind}`}>
                    {p.label}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {p.description}
                  </Text>
                </Stack>
                <SegmentedControl
                  aria-labelledby={`pref-label-${p.kind}`}
                  value={p.channel}
                  disabled={update.isPending}
                  onChange={(channel) => update.mutate({ preferences: [{ kind: p.kind, channel: channel as typeof p.channel }] })}
                  data={p.channels.map((c) => ({ value: c, label: labelFor(p.kind, c) }))}
                />
              </Group>
            ))}
          </Card>
        )}
      </QueryState>
    </>
  );
}
