import type { NotificationData } from "@mantine/notifications";
import { errorMessage } from "./errors";

/**
 * Toasts without putting Mantine's notifications (store, container, transitions: ~9 KB gzip) into any
 * page's first load: the package is fetched when the first toast is shown, and app.tsx mounts the
 * container from then on (the store keeps what was shown before it mounted).
 */
let wanted = false;
const listeners = new Set<() => void>();

/** For the container: calls `mount` once the first toast is asked for (at once if one already was). */
export function onFirstNotification(mount: () => void): () => void {
  if (wanted) mount();
  listeners.add(mount);
  return () => listeners.delete(mount);
}

export function notify(data: NotificationData): void {
  if (!wanted) {
    wanted = true;
    for (const mount of listeners) mount();
  }
  void import("@mantine/notifications").then((m) => m.notifications.show(data));
}

export function notifySuccess(message: string, title?: string): void {
  notify({ color: "teal", title, message });
}

export function notifyError(error: unknown, title = "Something went wrong"): void {
  notify({ color: "red", title, message: errorMessage(error) });
}
