import { Anchor, Button, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, Navigate, useLocation, useSearchParams } from "react-router";
import { ZSignupInput } from "@atrium/sdk";
import { AuthLayout } from "../../components/auth-layout";
import { FormAlert } from "../../components/form-alert";
import { FullPageLoader } from "../../components/full-page";
import { NewPasswordInput } from "../../components/new-password-input";
import { useContractForm } from "../../lib/form";
import { notifySuccess } from "../../lib/notify";
import { trpc } from "../../lib/trpc";
import { isRateLimited, useLockout } from "../../lib/use-lockout";
import { LockoutAlert } from "../../components/lockout-alert";
import { AcceptInvitation } from "./accept-invitation";
import { InvitationBanner } from "./invitation-banner";
import { useInvitationPreview } from "./use-invitation-preview";
import { useMe } from "./use-me";

/**
 * Invite-only signup: with an invite key (?key= prefills it), or with an
 * organization invitation (?invitation=<token>), which then stands in for the key.
 */
export function SignupPage() {
  const me = useMe();
  const [params] = useSearchParams();
  // Where a visitor was going (the job board's "Apply"): back there once signed up.
  const from = (useLocation().state as { from?: string } | null)?.from ?? "/";
  const invitationToken = params.get("invitation");
  const preview = useInvitationPreview(invitationToken);
  const queryClient = useQueryClient();
  const lockout = useLockout();
  // A usable invitation replaces the invite key; a broken one falls back to it.
  const viaInvitation = !!invitationToken && !preview.isError;
  const invitedEmail = preview.data?.email ?? "";
  const form = useContractForm({
    schema: ZSignupInput,
    initialValues: { username: "", email: "", password: "", inviteKey: params.get("key") ?? "" },
    toInput: ({ inviteKey, ...v }) => ({
      ...v,
      email: v.email || invitedEmail,
      ...(viaInvitation ? { invitationToken } : { inviteKey: inviteKey.trim() || undefined }),
    }),
    // A refused invitation is said above the fields, not on one of them.
    fields: ["invitationToken"],
  });

  const signup = useMutation(
    trpc.auth.signup.mutationOptions({
      onSuccess: async (result) => {
        notifySuccess(`Welcome to Atrium, ${result.user.username}!`);
        // The session cookie is set; `me` arriving redirects to the dashboard (below).
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.pathKey() });
      },
      // A 429 is the lockout's countdown, not a message on the form.
      onError: (error) => (isRateLimited(error) ? lockout.onError(error) : form.setServerError(error)),
    }),
  );

  if (me.data) {
    if (invitationToken && !signup.isSuccess) return <AcceptInvitation token={invitationToken} me={me.data} />;
    return <Navigate to={from} replace />;
  }
  if (me.isPending) return <FullPageLoader />;

  const onSubmit = form.submit((input) => {
    form.setServerError(null);
    if (lockout.secondsLeft === 0) signup.mutate(input);
  });

  return (
    <AuthLayout
      title="Create your account"
      onSubmit={onSubmit}
      footer={
        <Text c="dimmed" size="sm" ta="center">
          Already have an account?{" "}
          <Anchor component={Link} to="/login" state={from === "/" ? undefined : { from }} size="sm">
            Sign in
          </Anchor>
        </Text>
      }
    >
      {invitationToken && <InvitationBanner preview={preview} />}
      <LockoutAlert secondsLeft={lockout.secondsLeft} />
      <FormAlert message={form.formError} />
      <FormAlert message={form.errors.invitationToken as string | undefined} />
      <TextInput
        label="Username"
        name="username"
        autoComplete="username"
        autoFocus
        description="Letters, digits, dots, dashes and underscores"
        inputWrapperOrder={["label", "input", "description", "error"]}
        {...form.getInputProps("username")}
      />
      <TextInput
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        {...form.getInputProps("email")}
        value={form.values.email || invitedEmail}
      />
      <NewPasswordInput label="Password" name="password" {...form.getInputProps("password")} />
      {!viaInvitation && (
        <TextInput
          label="Invite key"
          name="inviteKey"
          autoComplete="off"
          description="From the administrator who invited you"
          inputWrapperOrder={["label", "input", "description", "error"]}
          {...form.getInputProps("inviteKey")}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        />
      )}
      <Button type="submit" fullWidth loading={signup.isPending || signup.isSuccess} disabled={lockout.secondsLeft > 0}>
        Create account
      </Button>
    </AuthLayout>
  );
}
