import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { AuthLayout } from "../../components/auth-layout";
import { QueryError } from "../../components/query-error";
import { notifySuccess } from "../../lib/notify";
import { api, trpc, type Me } from "../../lib/trpc";
import { InvitationBanner } from "./invitation-banner";
import { useInvitationPreview } from "./use-invitation-preview";
import { useLogout } from "./use-logout";

/** Why this account can't take the invitation, if it can't: only the confirmed addressee may. */
function obstacle(me: Me, invitedEmail: string | undefined): string | null {
  if (invitedEmail && invitedEmail.toLowerCase() !== me.user.email.toLowerCase()) {
    return `This invitation was sent to ${invitedEmail}, but you are signed in as ${me.user.email}. Sign in with that address's account, or sign up with it.`;
  }
  if (!me.user.emailVerifiedAt) return `Confirm ${me.user.email} first: open the link we emailed you (or resend it from the banner once signed in).`;
  return null;
}

/** An invitation link opened by someone already signed in: join with this account, no new signup. */
export function AcceptInvitation({ token, me }: { token: string; me: Me }) {
  const preview = useInvitationPreview(token);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.accounts.memberships.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.invitations.mine.pathKey() })]);
  const accept = useMutation({
    mutationKey: trpc.invitations.accept.mutationKey(),
    mutationFn: () => api.invitations.accept.mutate({ token }),
    onSuccess: async ({ organizationId }) => {
      notifySuccess(preview.data ? `You joined ${preview.data.organizationName}.` : "Invitation accepted.");
      await refresh();
      void navigate(`/organizations/${organizationId}`);
    },
  });
  const decline = useMutation({
    mutationKey: trpc.invitations.decline.mutationKey(),
    mutationFn: () => api.invitations.decline.mutate({ token }),
    onSuccess: async () => {
      notifySuccess("Invitation declined.");
      await refresh();
      void navigate("/");
    },
  });
  const blocked = obstacle(me, preview.data?.email);
  return (
    <AuthLayout
      title="Join an organization"
      footer={
        <Text c="dimmed" size="sm" ta="center">
          Not {me.user.username}?{" "}
          <Anchor component="button" type="button" size="sm" onClick={() => logout.mutate()}>
            Log out
          </Anchor>{" "}
          and sign up instead.
        </Text>
      }
    >
      <InvitationBanner preview={preview} />
      {accept.isError && <QueryError error={accept.error} title="Couldn't accept the invitation" />}
      {decline.isError && <QueryError error={decline.error} title="Couldn't decline the invitation" />}
      {blocked ? (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} data-testid="invitation-blocked">
          {blocked}
        </Alert>
      ) : (
        <Text size="sm">
          You are signed in as <b>{me.user.username}</b>. Accept to join with this account.
        </Text>
      )}
      <Stack gap="xs">
        <Button onClick={() => accept.mutate()} loading={accept.isPending} disabled={!preview.isSuccess || !!blocked}>
          Accept invitation
        </Button>
        <Button onClick={() => decline.mutate()} loading={decline.isPending} disabled={!preview.isSuccess || !!blocked} variant="default">
          Decline
        </Button>
        <Button component={Link} to="/" variant="subtle">
          Not now
        </Button>
      </Stack>
    </AuthLayout>
  );
}
