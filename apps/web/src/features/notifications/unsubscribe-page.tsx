import { Alert, Button } from "@mantine/core";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { AuthLayout } from "../../components/auth-layout";
import { QueryError } from "../../components/query-error";
import { api, trpc } from "../../lib/trpc";

/**
 * Where an email's "stop these emails" link lands. No sign-in (the signed
 * token is the proof), but one click rather than on load: a mail scanner
 * opening links must not unsubscribe anyone.
 */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const unsubscribe = useMutation({ mutationKey: trpc.notifications.unsubscribe.mutationKey(), mutationFn: () => api.notifications.unsubscribe.mutate({ token }) });
  if (unsubscribe.isSuccess) {
    return (
      <AuthLayout title="Unsubscribed">
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="unsubscribed">
          You won't get these emails any more. You can turn them back on in Settings → Notifications.
        </Alert>
        <Button component={Link} to="/settings/notifications" fullWidth>
          Notification settings
        </Button>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Stop emails about new messages">
      {!token ? (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />}>
          This page needs the link from one of our emails. You can also change every email setting in Settings → Notifications.
        </Alert>
      ) : (
        <>
          {unsubscribe.isError && <QueryError error={unsubscribe.error} title="Couldn't unsubscribe" />}
          <Button onClick={() => unsubscribe.mutate()} loading={unsubscribe.isPending} fullWidth>
            Unsubscribe
          </Button>
        </>
      )}
      <Button component={Link} to="/" variant="subtle">
        Back to Atrium
      </Button>
    </AuthLayout>
  );
}
