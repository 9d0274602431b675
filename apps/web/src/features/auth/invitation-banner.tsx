import { Alert, Skeleton } from "@mantine/core";
import { IconAlertCircle, IconMailOpened } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { INVITATION_SUPERSEDED } from "@atrium/sdk";
import { errorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import type { InvitationPreview } from "../../lib/trpc";
import { ROLE_LABELS } from "../organizations/roles";

/** "You're invited to <org> as <role>", or why the link no longer works. */
export function InvitationBanner({ preview }: { preview: UseQueryResult<InvitationPreview, unknown> }) {
  if (preview.isPending) return <Skeleton h={72} radius="md" />;
  if (preview.isError) {
    const message = errorMessage(preview.error);
    // A superseded link: the newer email is the answer, not a new invitation.
    const superseded = message === INVITATION_SUPERSEDED;
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertCircle size={18} />}
        title={superseded ? "This invitation was replaced" : "This invitation can't be used"}
        role="alert"
        data-testid="invitation-unusable"
      >
        {superseded ? `${message}.` : `${message} Ask for a new invitation, or sign up with an invite key.`}
      </Alert>
    );
  }
  const { organizationName, role, email, expiresAt } = preview.data;
  return (
    <Alert color="indigo" variant="light" icon={<IconMailOpened size={18} />} title={`You're invited to ${organizationName} as ${ROLE_LABELS[role].toLowerCase()}`} data-testid="invitation-banner">
      The invitation was sent to {email} and is valid until {formatDateTime(expiresAt)}.
    </Alert>
  );
}
