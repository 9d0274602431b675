import { Button, EmptyState } from "@mantine/core";
import { IconMapQuestion } from "@tabler/icons-react";
import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <EmptyState py={80} icon={<IconMapQuestion size={28} />} variant="light" title="Page not found" description="The page you asked for doesn't exist or has moved.">
      <EmptyState.Actions>
        <Button component={Link} to="/">
          Back to the dashboard
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
