import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";

/** The countdown of an auth form that hit the attempt budget (see useLockout); nothing once it ran out. */
export function LockoutAlert({ secondsLeft }: { secondsLeft: number }) {
  if (secondsLeft <= 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="lockout">
      Too many attempts — try again in {secondsLeft} s
    </Alert>
  );
}
