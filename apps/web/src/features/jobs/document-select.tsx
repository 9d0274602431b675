import { Select } from "@mantine/core";
import { useEffect } from "react";
import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";
import { kindLabel, type DocumentKind } from "../documents/document-labels";

interface DocumentSelectProps {
  label: string;
  description?: string;
  /** Lists this kind first; others stay pickable (people don't always tag their uploads). */
  kind?: DocumentKind;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  /** With nothing chosen and exactly one document of `kind`, choose it: there is nothing else to pick. */
  preselectOnly?: boolean;
}

/** The newest 100 documents, less those whose text couldn't be read (a job extracts a pending one itself). */
function useReadyDocuments() {
  return useQuery(trpc.documents.list.queryOptions({ limit: 100 }, { select: (page) => page.items.filter((d) => d.extractionStatus !== "failed") }));
}

export function DocumentSelect({ label, description, kind, value, onChange, error, preselectOnly }: DocumentSelectProps) {
  const docs = useReadyDocuments();
  const items = docs.data ?? [];
  const preferred = kind ? items.filter((d) => d.kind === kind) : items;
  const only = preselectOnly && preferred.length === 1 ? preferred[0]?.id : undefined;
  useEffect(() => {
    if (only && value === null) onChange(only);
    // Once, when the list arrives: clearing the field afterwards must stick.
  }, [only]);
  const rest = kind ? items.filter((d) => d.kind !== kind) : [];
  const option = (d: (typeof items)[number]) => ({ value: d.id, label: d.filename });
  const data = rest.length
    ? [
        { group: kind ? `${kindLabel(kind)}s` : "Documents", items: preferred.map(option) },
        { group: "Other documents", items: rest.map(option) },
      ].filter((g) => g.items.length)
    : preferred.map(option);
  return (
    <Select
      label={label}
      description={description}
      placeholder={docs.isPending ? "Loading documents…" : items.length ? "Pick a document" : "No documents yet: upload one first"}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage="No document by that name"
      error={error ?? (docs.isError ? "Couldn't load your documents" : undefined)}
      disabled={docs.isPending}
    />
  );
}
