import { Select } from "@mantine/core";
import { errorMessage } from "../../lib/errors";
import { isDocumentKind, KIND_OPTIONS, type DocumentKind } from "./document-labels";
import { useSetDocumentKind } from "./use-documents";

/** The document's kind, changeable in place: a wrong guess at upload shouldn't need a re-upload. */
export function KindSelect({ id, kind }: { id: string; kind: DocumentKind }) {
  const setKind = useSetDocumentKind(id);
  return (
    <Select
      aria-label="Kind"
      size="xs"
      maw={200}
      data={KIND_OPTIONS}
      value={kind}
      allowDeselect={false}
      disabled={setKind.isPending}
      onChange={(value) => isDocumentKind(value) && value !== kind && setKind.mutate(value)}
      error={setKind.isError ? errorMessage(setKind.error) : undefined}
      data-testid="document-kind"
    />
  );
}
