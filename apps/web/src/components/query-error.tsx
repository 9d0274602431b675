import { Alert, Button } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { errorMessage } from "../lib/errors";

interface QueryErrorProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function QueryError({ error, title = "Couldn't load this", onRetry }: QueryErrorProps) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle size={18} />}>
      {errorMessage(error)}
      {onRetry && (
        <Button display="block" mt="sm" size="xs" variant="white" color="red.9" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
