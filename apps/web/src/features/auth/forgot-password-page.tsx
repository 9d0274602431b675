import { Alert, Anchor, Button, Text, TextInput } from "@mantine/core";
import { IconAlertCircle, IconMailCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ZRequestPasswordResetInput, type TRequestPasswordResetInput } from "@atrium/sdk";
import { AuthLayout } from "../../components/auth-layout";
import { fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import { fieldError, formErrors } from "../../lib/form";
import { api } from "../../lib/trpc";
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
  const [email, setEmail] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const lockout = useLockout();
  const request = useMutation({
    mutationKey: ["auth", "requestReset"],
    mutationFn: (input: TRequestPasswordResetInput) => api.passwords.requestReset.mutate(input),
    onError: lockout.onError,
  });
  const { errors, formError } = formErrors(isRateLimited(request.error) ? null : request.error, clientErrors, ["email"]);

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

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZRequestPasswordResetInput.safeParse({ email });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    if (lockout.secondsLeft > 0) return;
    request.mutate(parsed.data);
  };

  return (
    <AuthLayout title="Reset your password" onSubmit={onSubmit} footer={backToLogin}>
      <Text size="sm" c="dimmed">
        Enter the email address of your account and we'll send you a link to choose a new password.
      </Text>
      <LockoutAlert secondsLeft={lockout.secondsLeft} />
      {formError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {formError}
        </Alert>
      )}
      <TextInput label="Email" type="email" autoComplete="email" autoFocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(errors, "email")} />
      <Button type="submit" fullWidth loading={request.isPending} disabled={lockout.secondsLeft > 0}>
        Send reset link
      </Button>
    </AuthLayout>
  );
}
