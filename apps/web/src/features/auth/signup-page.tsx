import { Alert, Anchor, Button, Text, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, Navigate, useSearchParams } from "react-router";
import { ZSignupInput } from "@atrium/sdk";
import { AuthLayout } from "../../components/auth-layout";
import { FullPageLoader } from "../../components/full-page";
import { NewPasswordInput } from "../../components/new-password-input";
import { fieldErrorsOfIssues, type FieldErrors } from "../../lib/errors";
import { fieldError, formErrors } from "../../lib/form";
import { notifySuccess } from "../../lib/notify";
import { trpc } from "../../lib/trpc";
import { isRateLimited, useLockout } from "../../lib/use-lockout";
import { LockoutAlert } from "../../components/lockout-alert";
import { AcceptInvitation } from "./accept-invitation";
import { InvitationBanner } from "./invitation-banner";
import { useInvitationPreview } from "./use-invitation-preview";
import { useMe } from "./use-me";

const FIELDS = ["username", "email", "password", "inviteKey", "invitationToken"] as const;

/**
 * Invite-only signup: with an invite key (?key= prefills it), or with an
 * organization invitation (?invitation=<token>), which then stands in for the key.
 */
export function SignupPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const invitationToken = params.get("invitation");
  const preview = useInvitationPreview(invitationToken);
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ username: "", email: "", password: "", inviteKey: params.get("key") ?? "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const lockout = useLockout();

  const signup = useMutation(
    trpc.auth.signup.mutationOptions({
      onSuccess: async (result) => {
        notifySuccess(`Welcome to Atrium, ${result.user.username}!`);
        // The session cookie is set; `me` arriving redirects to the dashboard (below).
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.pathKey() });
      },
      onError: lockout.onError,
    }),
  );

  if (me.data) {
    if (invitationToken && !signup.isSuccess) return <AcceptInvitation token={invitationToken} me={me.data} />;
    return <Navigate to="/" replace />;
  }
  if (me.isPending) return <FullPageLoader />;

  // A usable invitation replaces the invite key; a broken one falls back to it.
  const viaInvitation = !!invitationToken && !preview.isError;
  const { errors, formError } = formErrors(isRateLimited(signup.error) ? null : signup.error, clientErrors, FIELDS);
  const email = values.email || (preview.data?.email ?? "");

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZSignupInput.safeParse({
      username: values.username,
      email,
      password: values.password,
      ...(viaInvitation ? { invitationToken } : { inviteKey: values.inviteKey.trim() || undefined }),
    });
    if (!parsed.success) return setClientErrors(fieldErrorsOfIssues(parsed.error.issues));
    setClientErrors({});
    if (lockout.secondsLeft > 0) return;
    signup.mutate(parsed.data);
  };

  return (
    <AuthLayout
      title="Create your account"
      onSubmit={onSubmit}
      footer={
        <Text c="dimmed" size="sm" ta="center">
          Already have an account?{" "}
          <Anchor component={Link} to="/login" size="sm">
            Sign in
          </Anchor>
        </Text>
      }
    >
      {invitationToken && <InvitationBanner preview={preview} />}
      <LockoutAlert secondsLeft={lockout.secondsLeft} />
      {formError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {formError}
        </Alert>
      )}
      {fieldError(errors, "invitationToken") && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {fieldError(errors, "invitationToken")}
        </Alert>
      )}
      <TextInput
        label="Username"
        name="username"
        autoComplete="username"
        autoFocus
        description="Letters, digits, dots, dashes and underscores"
        inputWrapperOrder={["label", "input", "description", "error"]}
        value={values.username}
        onChange={(e) => setValues({ ...values, username: e.currentTarget.value })}
        error={fieldError(errors, "username")}
      />
      <TextInput
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setValues({ ...values, email: e.currentTarget.value })}
        error={fieldError(errors, "email")}
      />
      <NewPasswordInput label="Password" name="password" value={values.password} onChange={(e) => setValues({ ...values, password: e.currentTarget.value })} error={fieldError(errors, "password")} />
      {!viaInvitation && (
        <TextInput
          label="Invite key"
          name="inviteKey"
          autoComplete="off"
          description="From the administrator who invited you"
          inputWrapperOrder={["label", "input", "description", "error"]}
          value={values.inviteKey}
          onChange={(e) => setValues({ ...values, inviteKey: e.currentTarget.value })}
          error={fieldError(errors, "inviteKey")}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        />
      )}
      <Button type="submit" fullWidth loading={signup.isPending || signup.isSuccess} disabled={lockout.secondsLeft > 0}>
        Create account
      </Button>
    </AuthLayout>
  );
}
