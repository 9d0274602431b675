import { Anchor, Button, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { AuthLayout } from "../../components/auth-layout";
import { QueryError } from "../../components/query-error";
import { notifySuccess } from "../../lib/notify";
import { queryKeys } from "../../lib/query-keys";
import { api, type Me } from "../../lib/trpc";
import { InvitationBanner } from "./invitation-banner";
import { useInvitationPreview } from "./use-invitation-preview";
import { useLogout } from "./use-logout";

/** An invitation link opened by someone already signed in: join with this account, no new signup. */
export function AcceptInvitation({ token, me }: { token: string; me: Me }) {
  const preview = useInvitationPreview(token);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const accept = useMutation({
    mutationFn: () => api.invitation.accept.mutate({ token }),
    onSuccess: async ({ organizationId }) => {
      notifySuccess(preview.data ? `You joined ${preview.data.organizationName}.` : "Invitation accepted.");
      await queryClient.invalidateQueries({ queryKey: queryKeys.myMemberships });
      void navigate(`/organizations/${organizationId}`);
    },
  });
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
      <Text size="sm">
        You are signed in as <b>{me.user.username}</b>. Accept to join with this account.
      </Text>
      <Stack gap="xs">
        <Button onClick={() => accept.mutate()} loading={accept.isPending} disabled={!preview.isSuccess}>
          Accept invitation
        </Button>
        <Button component={Link} to="/" variant="subtle">
          Not now
        </Button>
      </Stack>
    </AuthLayout>
  );
}
