import { Anchor, Button, Checkbox, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, Navigate, useLocation } from "react-router";
import { ZLoginInput } from "@atrium/sdk";
import { AuthLayout } from "../../components/auth-layout";
import { FormAlert } from "../../components/form-alert";
import { FullPageLoader } from "../../components/full-page";
import { useContractForm } from "../../lib/form";
import { trpc } from "../../lib/trpc";
import { useMe } from "./use-me";
import { isRateLimited, useLockout } from "../../lib/use-lockout";
import { LockoutAlert } from "../../components/lockout-alert";

export function LoginPage() {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  // The same zod contract the api checks, so empty fields never leave the browser.
  const form = useContractForm({ schema: ZLoginInput, initialValues: { username: "", password: "", rememberMe: false } });
  const lockout = useLockout();

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      // Keep the button busy until `me` is loaded; its arrival redirects (below).
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.me.pathKey() }),
      // A 429 is the lockout's countdown, not a message on the form.
      onError: (error) => (isRateLimited(error) ? lockout.onError(error) : form.setServerError(error)),
    }),
  );

  if (me.data) return <Navigate to={from} replace />;
  if (me.isPending) return <FullPageLoader />;

  const onSubmit = form.submit((input) => {
    form.setServerError(null);
    if (lockout.secondsLeft === 0) login.mutate(input);
  });

  return (
    <AuthLayout
      title="Sign in"
      onSubmit={onSubmit}
      footer={
        <Stack gap={4} align="center">
          <Text c="dimmed" size="sm" ta="center">
            Have an invite key?{" "}
            <Anchor component={Link} to="/signup" state={location.state} size="sm">
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
      <FormAlert message={form.formError} />
      <TextInput label="Username or email" name="username" autoComplete="username" autoFocus {...form.getInputProps("username")} />
      <Stack gap={4}>
        <PasswordInput label="Password" name="password" autoComplete="current-password" {...form.getInputProps("password")} />
        <Group justify="flex-end">
          <Anchor component={Link} to="/forgot-password" size="xs">
            Forgot password?
          </Anchor>
        </Group>
      </Stack>
      <Checkbox label="Remember me" description="Stay signed in after closing the browser" {...form.getInputProps("rememberMe", { type: "checkbox" })} />
      <Button type="submit" fullWidth loading={login.isPending} disabled={lockout.secondsLeft > 0}>
        Sign in
      </Button>
    </AuthLayout>
  );
}
