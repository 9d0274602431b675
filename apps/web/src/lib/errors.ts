import { TRPCClientError, type AppRouter } from "@atrium/sdk";

type ApiError = TRPCClientError<AppRouter>;
export type FieldErrors = Record<string, string[] | undefined>;

function asApiError(error: unknown): ApiError | undefined {
  return error instanceof TRPCClientError ? (error as ApiError) : undefined;
}

export function isUnauthorized(error: unknown): boolean {
  return asApiError(error)?.data?.code === "UNAUTHORIZED";
}

/** 4xx answers won't change on a retry; network failures and 5xx might. */
export function isClientError(error: unknown): boolean {
  const status = asApiError(error)?.data?.httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}

/** The server's message, or a plain sentence when the server was never reached. */
export function errorMessage(error: unknown): string {
  const apiError = asApiError(error);
  if (apiError && !apiError.data) return "Can't reach the server. Check your connection and try again.";
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}

/** Per-field messages from the api's error formatter (zod issues or a service's fieldErrors). */
export function fieldErrorsOf(error: unknown): FieldErrors {
  return asApiError(error)?.data?.fieldErrors ?? {};
}

/** Client-side zod issues in the same shape the api sends. */
export function fieldErrorsOfIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) (out[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  return out;
}
