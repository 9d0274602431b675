import { createBrowserRouter } from "react-router";
import { ApiKeysPage } from "../features/api-keys/api-keys-page";
import { LoginPage } from "../features/auth/login-page";
import { RequireAuth } from "../features/auth/require-auth";
import { HomePage } from "../features/dashboard/home-page";
import { ProfilePage } from "../features/profile/profile-page";
import { AppLayout } from "../features/shell/app-layout";
import { NotFoundPage } from "./not-found-page";

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  {
    path: "/",
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: "profile", element: <ProfilePage /> },
      { path: "api-keys", element: <ApiKeysPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
