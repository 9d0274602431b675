import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "../../lib/notify";
import { allItems, nextCursorOf } from "../../lib/pages";
import { api, trpc } from "../../lib/trpc";
import type { DocumentKind } from "./document-labels";

/** Text extraction finishes a few seconds after the upload; poll until nothing is pending. */
const EXTRACTION_POLL_MS = 2_000;
/** A document still pending after this is waiting for its first job (which extracts it), not for the worker: stop asking. */
const EXTRACTION_PATIENCE_MS = 2 * 60_000;

const extracting = (d: { extractionStatus: string; createdAt: string }) => d.extractionStatus === "pending" && Date.now() - new Date(d.createdAt).getTime() < EXTRACTION_PATIENCE_MS;

export function useDocuments(kind: DocumentKind | null) {
  return useInfiniteQuery({
    ...trpc.documents.list.infiniteQueryOptions(
      { kind: kind ?? undefined, limit: 25 },
      { getNextPageParam: nextCursorOf, refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some(extracting)) ? EXTRACTION_POLL_MS : false) },
    ),
    select: allItems,
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string) {
  return useQuery(
    trpc.documents.get.queryOptions({ id }, { refetchInterval: (query) => (query.state.data && extracting(query.state.data) ? EXTRACTION_POLL_MS : false) }),
  );
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
