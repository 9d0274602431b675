import { PasswordInput, type PasswordInputProps } from "@mantine/core";

/** What the api's password policy checks (the minimum length is configurable; 8 by default). */
export const PASSWORD_HINT = "At least 8 characters; not a common password, not only digits, not like your username or email.";

/** A password field for choosing a new password, with the policy spelled out under it. */
export function NewPasswordInput(props: PasswordInputProps) {
  return <PasswordInput autoComplete="new-password" description={PASSWORD_HINT} inputWrapperOrder={["label", "input", "description", "error"]} {...props} />;
}
