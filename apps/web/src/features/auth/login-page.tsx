import { Alert, Anchor, Button, Checkbox, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { ZLoginInput, type TLoginInput } from "@atrium/sdk";
import { AuthLayout } from "../../components/auth-layout";
import { FullPageLoader } from "../../components/full-page";
import { errorMessage, fieldErrorsOf, fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { useMe } from "./use-me";
import { isRateLimited, useLockout } from "../../lib/use-lockout";
import { LockoutAlert } from "../../components/lockout-alert";

function firstError(errors: FieldErrors, field: keyof TLoginInput): string | undefined {
  return errors[field]?.[0];
}

export function LoginPage() {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  const [values, setValues] = useState<TLoginInput>({ username: "", password: "", rememberMe: false });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const lockout = useLockout();

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      // Keep the button busy until `me` is loaded; its arrival redirects (below).
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.me.pathKey() }),
      onError: lockout.onError,
    }),
  );

  if (me.data) return <Navigate to={from} replace />;
  if (me.isPending) return <FullPageLoader />;

  const serverErrors = login.isError ? fieldErrorsOf(login.error) : {};
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const hasFieldErrors = Object.keys(serverErrors).length > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The same zod contract the api checks, so empty fields never leave the browser.
    const parsed = ZLoginInput.safeParse(values);
    if (!parsed.success) {
      setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
      return;
    }
    setClientErrors({});
    if (lockout.secondsLeft > 0) return;
    login.mutate(parsed.data);
  };

  return (
    <AuthLayout
      title="Sign in"
      onSubmit={onSubmit}
      footer={
        <Stack gap={4} align="center">
          <Text c="dimmed" size="sm" ta="center">
            Have an invite key?{" "}
            <Anchor component={Link} to="/signup" size="sm">
              Sign up
            </Anchor>
          </Text>
          <Text c="dimmed" size="sm" ta="center">
            Scripting Atrium? See the{" "}
            <Anchor href="/api/docs" target="_blank" size="sm">
              API reference
            </Anchor>
            .
          </Text>
        </Stack>
      }
    >
      <LockoutAlert secondsLeft={lockout.secondsLeft} />
      {login.isError && !hasFieldErrors && !isRateLimited(login.error) && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {errorMessage(login.error)}
        </Alert>
      )}
      <TextInput
        label="Username or email"
        name="username"
        autoComplete="username"
        autoFocus
        value={values.username}
        onChange={(e) => setValues({ ...values, username: e.currentTarget.value })}
        error={firstError(errors, "username")}
      />
      <Stack gap={4}>
        <PasswordInput
          label="Password"
          name="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(e) => setValues({ ...values, password: e.currentTarget.value })}
          error={firstError(errors, "password")}
        />
        <Group justify="flex-end">
          <Anchor component={Link} to="/forgot-password" size="xs">
            Forgot password?
          </Anchor>
        </Group>
      </Stack>
      <Checkbox
        label="Remember me"
        description="Stay signed in after closing the browser"
        checked={values.rememberMe}
        onChange={(e) => setValues({ ...values, rememberMe: e.currentTarget.checked })}
      />
      <Button type="submit" fullWidth loading={login.isPending} disabled={lockout.secondsLeft > 0}>
        Sign in
      </Button>
    </AuthLayout>
  );
}
