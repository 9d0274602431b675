import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../../lib/notify";
import { allItems, firstPage, nextCursorOf } from "../../lib/pages";
import { queryKeys } from "../../lib/query-keys";
import { api } from "../../lib/trpc";
import type { DocumentKind } from "./document-labels";

/** Text extraction finishes a few seconds after the upload; poll until nothing is pending. */
const EXTRACTION_POLL_MS = 2_000;
/** A document still pending after this is waiting for its first job (which extracts it), not for the worker: stop asking. */
const EXTRACTION_PATIENCE_MS = 2 * 60_000;

const extracting = (d: { extractionStatus: string; createdAt: string }) => d.extractionStatus === "pending" && Date.now() - new Date(d.createdAt).getTime() < EXTRACTION_PATIENCE_MS;

export function useDocuments(kind: DocumentKind | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.documents.list(kind),
    queryFn: ({ pageParam }) => api.documents.list.query({ kind: kind ?? undefined, cursor: pageParam, limit: 25 }),
    initialPageParam: firstPage,
    getNextPageParam: nextCursorOf,
    select: allItems,
    placeholderData: (previous) => previous,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some(extracting)) ? EXTRACTION_POLL_MS : false),
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: queryKeys.documents.one(id),
    queryFn: () => api.documents.get.query({ id }),
    refetchInterval: (query) => (query.state.data && extracting(query.state.data) ? EXTRACTION_POLL_MS : false),
  });
}

export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doc: { id: string; filename: string }) => api.documents.delete.mutate({ id: doc.id }),
    onSuccess: (_result, doc) => {
      notifySuccess(`${doc.filename} was deleted.`, "Document deleted");
      queryClient.removeQueries({ queryKey: queryKeys.documents.one(doc.id) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.documents.all });
    },
  });
}

/** Re-labels a document (resume, job description, ...): the list, its filters and the run dialog follow. */
export function useSetDocumentKind(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: DocumentKind) => api.documents.update.mutate({ id, kind }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.documents.all }),
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
