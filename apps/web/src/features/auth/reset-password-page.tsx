import { Alert, Anchor, Button, PasswordInput, Text } from "@mantine/core";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { ZConfirmPasswordResetInput } from "@atrium/sdk";
import { AuthLayout } from "../../components/auth-layout";
import { NewPasswordInput } from "../../components/new-password-input";
import { FormAlert } from "../../components/form-alert";
import { useContractForm } from "../../lib/form";
import { trpc } from "../../lib/trpc";
import { isRateLimited, useLockout } from "../../lib/use-lockout";
import { LockoutAlert } from "../../components/lockout-alert";

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const form = useContractForm({
    schema: ZConfirmPasswordResetInput,
    initialValues: { newPassword: "", confirm: "" },
    toInput: (v) => ({ token, newPassword: v.newPassword }),
    check: (v): Record<string, string> => (v.confirm !== v.newPassword ? { confirm: "The passwords don't match" } : {}),
  });
  const lockout = useLockout();
  const reset = useMutation(
    trpc.passwords.confirmReset.mutationOptions({
      // A bad or used token is reported under `token`: no field shows it, so it lands in the form's alert.
      onError: (error) => (isRateLimited(error) ? lockout.onError(error) : form.setServerError(error)),
    }),
  );

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

  const onSubmit = form.submit((input) => {
    if (lockout.secondsLeft === 0) reset.mutate(input);
  });

  return (
    <AuthLayout title="Choose a new password" onSubmit={onSubmit} footer={forgotLink}>
      <LockoutAlert secondsLeft={lockout.secondsLeft} />
      <FormAlert message={form.formError} />
      <NewPasswordInput label="New password" autoFocus {...form.getInputProps("newPassword")} />
      <PasswordInput label="Confirm new password" autoComplete="new-password" {...form.getInputProps("confirm")} />
      <Button type="submit" fullWidth loading={reset.isPending} disabled={lockout.secondsLeft > 0}>
        Set new password
      </Button>
    </AuthLayout>
  );
}
