// The toasts' styles travel with their container, fetched with the first toast (lib/notify.ts).
import "@mantine/core/styles/Notification.css";
import "@mantine/notifications/styles.css";

export { Notifications } from "@mantine/notifications";
