import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../../lib/notify";
import { useLiveInvalidate } from "../../lib/live";
import { allItems, nextCursorOf } from "../../lib/pages";
import { api, trpc } from "../../lib/trpc";
import type { DocumentKind } from "./document-labels";

/** Text extraction finishes a few seconds after the upload; the stream's `document.updated` says when (and uploads by others). */
export function useDocuments(kind: DocumentKind | null) {
  useLiveInvalidate(["document.updated"], trpc.documents.list.pathKey());
  return useInfiniteQuery({
    ...trpc.documents.list.infiniteQueryOptions({ kind: kind ?? undefined, limit: 25 }, { getNextPageParam: nextCursorOf }),
    select: allItems,
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string) {
  useLiveInvalidate(["document.updated"], trpc.documents.get.queryKey({ id }), { when: (e) => e.documentId === id, throttleMs: 0 });
  return useQuery(trpc.documents.get.queryOptions({ id }));
}

export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.documents.delete.mutationKey(),
    // The filename rides along for the toast.
    mutationFn: (doc: { id: string; filename: string }) => api.documents.delete.mutate({ id: doc.id }),
    onSuccess: (_result, doc) => {
      notifySuccess(`${doc.filename} was deleted.`, "Document deleted");
      queryClient.removeQueries({ queryKey: trpc.documents.get.queryKey({ id: doc.id }) });
      return queryClient.invalidateQueries({ queryKey: trpc.documents.pathKey() });
    },
  });
}

/** Re-labels a document (resume, job description, ...): the list, its filters and the run dialog follow. */
export function useSetDocumentKind(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.documents.update.mutationKey(),
    mutationFn: (kind: DocumentKind) => api.documents.update.mutate({ id, kind }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.documents.pathKey() }),
  });
}

/** A short-lived signed url: asked for on click, never cached. */
export function useDownloadDocument() {
  return useMutation({
    mutationFn: (id: string) => api.documents.download.query({ id }),
    onSuccess: ({ url }) => {
      window.location.assign(url);
    },
  });
}
