import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconMailOpened } from "@tabler/icons-react";
import { ROLE_LABELS } from "../organizations/roles";
import { useMyInvitations, useRespondToInvitation } from "./use-my-invitations";

/**
 * "You're invited to …" with Accept / Decline, above every page while the
 * signed-in user has pending invitations. Nothing joins them until they click.
 */
export function PendingInvitationsNotice() {
  const mine = useMyInvitations();
  const respond = useRespondToInvitation();
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" mb="lg" data-testid="pending-invitations">
      {items.map((inv) => {
        const busy = respond.isPending && respond.variables.invitation.id === inv.id;
        return (
          <Alert key={inv.id} color="indigo" variant="light" icon={<IconMailOpened size={18} />} title={`You're invited to ${inv.organizationName}`} data-testid="pending-invitation">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm">
                {inv.inviterName ? `${inv.inviterName} invited you` : "You were invited"} to join as {ROLE_LABELS[inv.role].toLowerCase()}.
              </Text>
              <Group gap="xs">
                <Button size="xs" loading={busy && respond.variables.answer === "accept"} disabled={busy} onClick={() => respond.mutate({ invitation: inv, answer: "accept" })}>
                  Accept
                </Button>
                <Button size="xs" variant="default" loading={busy && respond.variables.answer === "decline"} disabled={busy} onClick={() => respond.mutate({ invitation: inv, answer: "decline" })}>
                  Decline
                </Button>
              </Group>
            </Group>
          </Alert>
        );
      })}
    </Stack>
  );
}
