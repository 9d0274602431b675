import { Textarea, type TextareaProps } from "@mantine/core";
import { DESCRIPTION_MAX_LENGTH } from "@atrium/sdk";

/** A description field that counts toward the api's limit as you type, instead of refusing it on save. */
export function DescriptionInput(props: TextareaProps & { value: string }) {
  return (
    <Textarea
      label="Description"
      autosize
      minRows={2}
      inputWrapperOrder={["label", "input", "description", "error"]}
      {...props}
      description={`${props.value.length.toLocaleString("en-US")} / ${DESCRIPTION_MAX_LENGTH.toLocaleString("en-US")} characters`}
    />
  );
}
