import { errorMessage, fieldErrorsOf, type FieldErrors } from "./errors";

interface FormErrors {
  /** Per-field messages: the browser's own checks win over the server's older answer. */
  errors: FieldErrors;
  /** The failure as one sentence when no field on this form carries it. */
  formError?: string;
}

/** Merges a mutation's server errors with client-side ones, for forms that show both. */
export function formErrors(error: unknown, clientErrors: FieldErrors, fields: readonly string[]): FormErrors {
  const server = error ? fieldErrorsOf(error) : {};
  const errors: FieldErrors = { ...server, ...clientErrors };
  const onAField = fields.some((f) => server[f]?.length);
  return { errors, formError: error && !onAField ? errorMessage(error) : undefined };
}

/** All of a field's messages, one per line (the password policy can name several rules). */
export function fieldError(errors: FieldErrors, field: string): string | undefined {
  const messages = errors[field];
  return messages?.length ? messages.join(". ") : undefined;
}
