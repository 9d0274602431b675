import { Alert, Button } from "@mantine/core";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { AuthLayout } from "../../components/auth-layout";
import { QueryError } from "../../components/query-error";
import { api, trpc } from "../../lib/trpc";

/**
 * Where the confirmation email's link lands. It asks for a click rather than
 * confirming on load, so a mail scanner that opens links spends nothing; no
 * session is needed (the token is the proof).
 */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationKey: trpc.email.verify.mutationKey(),
    mutationFn: () => api.email.verify.mutate({ token }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.me.pathKey() }),
  });

  if (verify.isSuccess) {
    return (
      <AuthLayout title="Address confirmed">
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="verify-done">
          {verify.data.message}
        </Alert>
        <Button component={Link} to="/" fullWidth>
          Continue to Atrium
        </Button>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Confirm your email address">
      {!token ? (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />}>
          This page needs the link from your confirmation email. Sign in and choose “Resend” to get a new one.
        </Alert>
      ) : (
        <>
          {verify.isError && <QueryError error={verify.error} title="Couldn't confirm the address" />}
          <Button onClick={() => verify.mutate()} loading={verify.isPending} fullWidth>
            Confirm my address
          </Button>
        </>
      )}
      <Button component={Link} to="/" variant="subtle">
        Back to Atrium
      </Button>
    </AuthLayout>
  );
}
