import { Alert, Button, Group, Text } from "@mantine/core";
import { IconMailExclamation } from "@tabler/icons-react";
import { useCurrentUser } from "./current-user";
import { useResendVerification } from "./use-my-invitations";

/** Shown above every page until the address is confirmed: invitations to it can't be accepted before. */
export function EmailVerificationBanner() {
  const { user } = useCurrentUser();
  const resend = useResendVerification();
  if (user.emailVerifiedAt) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconMailExclamation size={18} />} title="Your email address is unverified" mb="lg" data-testid="unverified-banner">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm">
          Open the link we sent to <b>{user.email}</b> to confirm it. Until then, invitations to this address can't be accepted.
        </Text>
        <Button size="xs" variant="white" color="yellow" loading={resend.isPending} onClick={() => resend.mutate()}>
          Resend
        </Button>
      </Group>
    </Alert>
  );
}
