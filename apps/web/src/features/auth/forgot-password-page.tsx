import { Alert, Anchor, Button, Text, TextInput } from "@mantine/core";
import { IconMailCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { ZRequestPasswordResetInput } from "@atrium/sdk";
import { AuthLayout } from "../../components/auth-layout";
import { FormAlert } from "../../components/form-alert";
import { useContractForm } from "../../lib/form";
import { trpc } from "../../lib/trpc";
import { isRateLimited, useLockout } from "../../lib/use-lockout";
import { LockoutAlert } from "../../components/lockout-alert";

const backToLogin = (
  <Text c="dimmed" size="sm" ta="center">
    Remembered it?{" "}
    <Anchor component={Link} to="/login" size="sm">
      Back to sign in
    </Anchor>
  </Text>
);

export function ForgotPasswordPage() {
  const form = useContractForm({ schema: ZRequestPasswordResetInput, initialValues: { email: "" } });
  const lockout = useLockout();
  const request = useMutation(
    trpc.passwords.requestReset.mutationOptions({
      // A 429 is the lockout's countdown, not a message on the form.
      onError: (error) => (isRateLimited(error) ? lockout.onError(error) : form.setServerError(error)),
    }),
  );

  if (request.isSuccess) {
    // The api answers the same for every address, so this page can't reveal who has an account.
    return (
      <AuthLayout title="Check your email" footer={backToLogin}>
        <Alert color="teal" variant="light" icon={<IconMailCheck size={18} />} data-testid="reset-requested">
          {request.data.message}
        </Alert>
        <Text size="sm" c="dimmed">
          The link works once and expires after an hour. Nothing arrived? Check your spam folder, or ask an administrator to reset your password.
        </Text>
      </AuthLayout>
    );
  }

  const onSubmit = form.submit((input) => {
    if (lockout.secondsLeft === 0) request.mutate(input);
  });

  return (
    <AuthLayout title="Reset your password" onSubmit={onSubmit} footer={backToLogin}>
      <Text size="sm" c="dimmed">
        Enter the email address of your account and we'll send you a link to choose a new password.
      </Text>
      <LockoutAlert secondsLeft={lockout.secondsLeft} />
      <FormAlert message={form.formError} />
      <TextInput label="Email" type="email" autoComplete="email" autoFocus {...form.getInputProps("email")} />
      <Button type="submit" fullWidth loading={request.isPending} disabled={lockout.secondsLeft > 0}>
        Send reset link
      </Button>
    </AuthLayout>
  );
}
