import { useForm, type schemaResolver, type UseFormReturnType } from "@mantine/form";
import { useState, type FormEvent } from "react";
import { errorMessage, fieldErrorsOf, fieldErrorsOfIssues, type FieldErrors } from "./errors";

/** One string per field, every message of it (Mantine shows a field's error as one node). */
function joined(errors: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).flatMap(([key, messages]) => (messages?.length ? [[key, messages.join(". ")]] : [])));
}

/** A zod contract seen through Standard Schema, which is what @mantine/form's resolver takes. */
type Schema = Parameters<typeof schemaResolver>[0];
type Output<S extends Schema> = NonNullable<S["~standard"]["types"]>["output"];

interface ContractFormOptions<V, S extends Schema> {
  /** The api's own zod contract (from @atrium/sdk): the form checks exactly what the server will. */
  schema: S;
  initialValues: V;
  /** From what the inputs hold to the contract's input ("" → undefined, strings → numbers, extra ids). */
  toInput?: (values: V) => unknown;
  /** Checks the contract can't make ("confirm" equals the new password, a parsable amount), as field → message; they win over the contract's. */
  check?: (values: V) => Record<string, string>;
  /**
   * Server error keys that belong to a field of this form although they aren't keys of its values (e.g.
   * "input.documentId"); "targeting.*" takes every key under targeting (a JSON field's nested paths).
   */
  fields?: readonly string[];
}

export type ContractForm<V extends Record<string, unknown>, S extends Schema> = UseFormReturnType<V> & {
  /** The server's failure as one sentence when no field of this form carries it. */
  formError: string | undefined;
  /** Submit handler: validates against the contract, then hands over the contract's parsed output. */
  submit: (send: (input: Output<S>) => void) => (event?: FormEvent) => void;
  /** A mutation's error: its fieldErrors land on the fields, anything else in `formError`; null clears both. */
  setServerError: (error: unknown) => void;
};

/**
 * The one form helper: @mantine/form state and input props, validated by the same zod contract the api
 * applies (so a mistake is named before the request), with the api's fieldErrors mapped onto the same fields.
 */
export function useContractForm<V extends Record<string, unknown>, S extends Schema>(options: ContractFormOptions<V, S>): ContractForm<V, S> {
  const toInput = options.toInput ?? ((v: V) => v);
  const [formError, setFormError] = useState<string>();
  const form = useForm<V>({
    mode: "controlled",
    initialValues: options.initialValues,
    // Not Mantine's schemaResolver: it keeps one message per field, and the password policy can name several.
    validate: (values) => {
      const result = options.schema["~standard"].validate(toInput(values));
      if (result instanceof Promise) throw new Error("contracts are synchronous zod schemas");
      const issues = (result.issues ?? []).map((i) => ({ message: i.message, path: (i.path ?? []).map((p) => (typeof p === "object" ? p.key : p)) }));
      return { ...joined(fieldErrorsOfIssues(issues)), ...options.check?.(values) };
    },
  });
  const fields = new Set([...Object.keys(options.initialValues), ...(options.fields ?? [])]);
  const prefixes = [...fields].filter((f) => f.endsWith(".*")).map((f) => f.slice(0, -1));
  const onThisForm = (key: string) => fields.has(key) || prefixes.some((p) => key.startsWith(p));

  const setServerError = (error: unknown) => {
    if (error == null) {
      form.clearErrors();
      return setFormError(undefined);
    }
    const onFields = Object.fromEntries(Object.entries(joined(fieldErrorsOf(error))).filter(([key]) => onThisForm(key)));
    form.setErrors(onFields);
    setFormError(Object.keys(onFields).length ? undefined : errorMessage(error));
  };

  const submit: ContractForm<V, S>["submit"] = (send) => (event) =>
    form.onSubmit((values) => {
      setFormError(undefined);
      const result = options.schema["~standard"].validate(toInput(values));
      // Validation already passed (sync schema), so this is the contract's parsed output.
      if (result instanceof Promise || result.issues) return;
      send(result.value as Output<S>);
    })(event as FormEvent<HTMLFormElement> | undefined);

  return Object.assign(form, { formError, submit, setServerError });
}
