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
  /** Recordings only (their text is the transcription's to write); otherwise documents with text. */
  audio?: boolean;
}

const isAudio = (d: { mimeType: string }) => d.mimeType.startsWith("audio/");

/** The newest 100 documents: recordings, or those whose text could be read (a job extracts a pending one itself). */
function useReadyDocuments(audio: boolean) {
  return useQuery(trpc.documents.list.queryOptions({ limit: 100 }, { select: (page) => page.items.filter((d) => (audio ? isAudio(d) : d.extractionStatus !== "failed" && !isAudio(d))) }));
}

export function DocumentSelect({ label, description, kind, value, onChange, error, preselectOnly, audio = false }: DocumentSelectProps) {
  const docs = useReadyDocuments(audio);
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
      placeholder={docs.isPending ? "Loading documents…" : items.length ? "Pick a document" : audio ? "No recordings yet: upload one first" : "No documents yet: upload one first"}
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
