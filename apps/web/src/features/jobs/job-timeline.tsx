// This page's own Mantine styles, loaded with it rather than on every first load (see app/styles.ts).
import "@mantine/core/styles/Timeline.css";
import { Badge, Group, Loader, Text, Timeline } from "@mantine/core";
import { IconAlertTriangle, IconBolt, IconCheck, IconClock, IconPlayerPlay, IconPlayerStop, IconRefresh, IconRobot, IconX, type Icon } from "@tabler/icons-react";
import { formatDateTime } from "../../lib/format";
import { formatCents } from "../../lib/money";
import type { JobEvent } from "../../lib/trpc";
import { eventLabel, SHOWS_MESSAGE } from "./job-event-labels";

/** Known event types get an icon and a color; anything new still shows, plainly. */
const LOOKS: Record<string, { icon: Icon; color: string }> = {
  "job.queued": { icon: IconClock, color: "yellow" },
  "job.waiting": { icon: IconClock, color: "gray" },
  "job.running": { icon: IconPlayerPlay, color: "blue" },
  step: { icon: IconBolt, color: "indigo" },
  "llm.call": { icon: IconRobot, color: "grape" },
  "job.retry": { icon: IconRefresh, color: "orange" },
  "job.succeeded": { icon: IconCheck, color: "teal" },
  "job.failed": { icon: IconX, color: "red" },
  "job.cancel_requested": { icon: IconPlayerStop, color: "gray" },
  "job.cancelled": { icon: IconPlayerStop, color: "gray" },
};

const lookOf = (type: string) => LOOKS[type] ?? { icon: type.includes("error") ? IconAlertTriangle : IconBolt, color: type.includes("error") ? "red" : "gray" };

/**
 * The job's story in order, in words: every transition and step with how long it took and
 * what it cost. Staff also see the raw event type and message, for support.
 */
export function JobTimeline({ events, live, staff = false }: { events: JobEvent[]; live: boolean; staff?: boolean }) {
  return (
    <Timeline active={events.length - 1} bulletSize={28} lineWidth={2} data-testid="job-timeline" aria-busy={live}>
      {events.map((event) => {
        const look = lookOf(event.type);
        return (
          <Timeline.Item
            key={event.seq}
            bullet={<look.icon size={15} />}
            color={look.color}
            data-testid="timeline-event"
            data-type={event.type}
            title={
              <Group gap="xs" wrap="wrap">
                <Text fw={600} size="sm" data-testid="event-label">
                  {eventLabel(event)}
                </Text>
                {staff && (
                  <Badge size="xs" variant="light" color={look.color} radius="sm" tt="none" title={event.message}>
                    {event.type}
                  </Badge>
                )}
              </Group>
            }
          >
            {SHOWS_MESSAGE.has(event.type) && (
              <Text size="sm" c="dimmed" mt={2}>
                {event.message}
              </Text>
            )}
            <Group gap="md" mt={2}>
              <Text size="xs" c="dimmed" title={formatDateTime(event.occurredAt)}>
                {new Date(event.occurredAt).toLocaleTimeString()}
              </Text>
              {event.costCents !== null && event.costCents > 0 && (
                <Text size="xs" fw={600}>
                  {formatCents(event.costCents)}
                </Text>
              )}
            </Group>
          </Timeline.Item>
        );
      })}
      {live && (
        <Timeline.Item bullet={<Loader size={12} color="gray" />} color="gray" title={<Text size="sm" c="dimmed">Waiting for the next step…</Text>} data-testid="timeline-waiting" />
      )}
    </Timeline>
  );
}
