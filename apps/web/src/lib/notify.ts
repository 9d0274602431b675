import { notifications } from "@mantine/notifications";
import { errorMessage } from "./errors";

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: "teal", title, message });
}

export function notifyError(error: unknown, title = "Something went wrong"): void {
  notifications.show({ color: "red", title, message: errorMessage(error) });
}
