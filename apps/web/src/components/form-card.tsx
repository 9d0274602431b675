import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { FormEvent, ReactNode } from "react";

interface FormCardProps {
  title: string;
  description: string;
  /** The server's message that belongs to no single field. */
  formError?: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}

/** A settings card that is one form: title, what it does, a form-level error, the fields, one submit button. */
export function FormCard({ title, description, formError, submitLabel, pending, onSubmit, children }: FormCardProps) {
  return (
    <Paper withBorder radius="md" p="lg" maw={760} component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <div>
          <Title order={4}>{title}</Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        )}
        {children}
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
