import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { notifySuccess } from "../../lib/notify";
import { trpc } from "../../lib/trpc";
import { UploadError, uploadForm, type UploadHandle } from "../../lib/upload";
import type { DocumentKind } from "./document-labels";

/** What POST /api/documents/ answers: the new document (only the fields read here). */
interface UploadedDocument {
  id: string;
  filename: string;
}

type UploadState = { phase: "idle" } | { phase: "uploading"; progress: number } | { phase: "error"; message: string };

/** One upload at a time, with its progress, its error, and a way to cancel it. */
export function useUpload(onUploaded: (doc: UploadedDocument) => void) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const current = useRef<UploadHandle<UploadedDocument> | null>(null);
  // Leaving the page mid-upload shouldn't leave a request running into a gone component.
  useEffect(() => () => current.current?.abort(), []);

  const start = (file: File, kind: DocumentKind) => {
    const form = new FormData();
    // Fields before the file: the api reads `kind` while it streams the bytes.
    form.append("kind", kind);
    form.append("file", file, file.name);
    setState({ phase: "uploading", progress: 0 });
    const handle = uploadForm<UploadedDocument>("/api/documents/", form, (progress) => setState({ phase: "uploading", progress }));
    current.current = handle;
    handle.done.then(
      (doc) => {
        current.current = null;
        setState({ phase: "idle" });
        notifySuccess(`${doc.filename} is uploaded; its text is being extracted.`, "Document uploaded");
        void queryClient.invalidateQueries({ queryKey: trpc.documents.pathKey() });
        onUploaded(doc);
      },
      (error: unknown) => {
        current.current = null;
        // Cancelled on purpose: nothing went wrong.
        if (error instanceof UploadError && error.cancelled) return setState({ phase: "idle" });
        setState({ phase: "error", message: error instanceof Error ? error.message : "The upload failed." });
      },
    );
  };

  return {
    state,
    start,
    cancel: () => current.current?.abort(),
    clearError: () => setState({ phase: "idle" }),
  };
}
