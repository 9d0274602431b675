import { Alert, Anchor, Button, PasswordInput, Text } from "@mantine/core";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { ZConfirmPasswordResetInput, type TConfirmPasswordResetInput } from "@atrium/sdk";
import { AuthLayout } from "../../components/auth-layout";
import { NewPasswordInput } from "../../components/new-password-input";
import { fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import { fieldError, formErrors } from "../../lib/form";
import { api } from "../../lib/trpc";
import { isRateLimited, useLockout } from "../../lib/use-lockout";
import { LockoutAlert } from "../../components/lockout-alert";

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [values, setValues] = useState({ newPassword: "", confirm: "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const lockout = useLockout();
  const reset = useMutation({
    mutationKey: ["auth", "confirmReset"],
    mutationFn: (input: TConfirmPasswordResetInput) => api.passwords.confirmReset.mutate(input),
    onError: lockout.onError,
  });
  // A bad or used token is reported under `token`: there is no field for it, so it goes on top.
  const { errors, formError } = formErrors(isRateLimited(reset.error) ? null : reset.error, clientErrors, ["newPassword"]);

  if (reset.isSuccess) {
    return (
      <AuthLayout title="Password changed">
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="reset-done">
          {reset.data.message} You have been signed out everywhere.
        </Alert>
        <Button component={Link} to="/login" fullWidth>
          Sign in
        </Button>
      </AuthLayout>
    );
  }

  const forgotLink = (
    <Text c="dimmed" size="sm" ta="center">
      Link expired?{" "}
      <Anchor component={Link} to="/forgot-password" size="sm">
        Request a new one
      </Anchor>
    </Text>
  );

  if (!token) {
    return (
      <AuthLayout title="Choose a new password" footer={forgotLink}>
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />}>
          This page needs the link from your password reset email. Open the link from the email, or request a new one.
        </Alert>
      </AuthLayout>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZConfirmPasswordResetInput.safeParse({ token, newPassword: values.newPassword });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    if (values.confirm !== values.newPassword) return setClientErrors({ confirm: ["The passwords don't match"] });
    setClientErrors({});
    if (lockout.secondsLeft > 0) return;
    reset.mutate(parsed.data);
  };

  return (
    <AuthLayout title="Choose a new password" onSubmit={onSubmit} footer={forgotLink}>
      <LockoutAlert secondsLeft={lockout.secondsLeft} />
      {(formError ?? fieldError(errors, "token")) && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {formError ?? fieldError(errors, "token")}
        </Alert>
      )}
      <NewPasswordInput label="New password" autoFocus value={values.newPassword} onChange={(e) => setValues({ ...values, newPassword: e.currentTarget.value })} error={fieldError(errors, "newPassword")} />
      <PasswordInput
        label="Confirm new password"
        autoComplete="new-password"
        value={values.confirm}
        onChange={(e) => setValues({ ...values, confirm: e.currentTarget.value })}
        error={fieldError(errors, "confirm")}
      />
      <Button type="submit" fullWidth loading={reset.isPending} disabled={lockout.secondsLeft > 0}>
        Set new password
      </Button>
    </AuthLayout>
  );
}
