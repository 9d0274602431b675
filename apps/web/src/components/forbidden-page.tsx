import { Button, EmptyState } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { Link } from "react-router";

export function ForbiddenPage({ title = "You don't have access to this page", description = "This area is for platform staff. If you think you should see it, ask an administrator." }) {
  return (
    <EmptyState py={80} icon={<IconLock size={28} />} variant="light" color="orange" title={title} description={description} data-testid="forbidden">
      <EmptyState.Actions>
        <Button component={Link} to="/">
          Back to the dashboard
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
