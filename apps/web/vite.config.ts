import { defineConfig, loadEnv } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

// The SDK's package exports point at its tsdown build; aliasing to the source keeps
// `vite dev` and `vite build` working before (and without) that build.
const sdkSource = fileURLToPath(new URL("../../packages/sdk/src/index.ts", import.meta.url));
// Variables come from the repository's .env, like every other Atrium process (the shell wins).
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig(({ mode }) => {
  // Empty prefix: WEB_PORT / API_URL come from the shell or the root .env alike.
  const env = loadEnv(mode, repoRoot, "");
  const port = Number(env.WEB_PORT || 3000);
  // Same-origin in the browser: the session cookie then needs no CORS or SameSite=None.
  const target = { target: env.API_URL || "http://localhost:8000", changeOrigin: true };
  // Exactly the api's paths, with their slash: a bare "/api" prefix would also take SPA routes
  // such as /api-keys, whose reload then showed the api's "Cannot GET /api-keys".
  const proxy = { "/api/": target, "/trpc/": target };
  return {
    plugins: [react()],
    envDir: repoRoot,
    resolve: { alias: [{ find: /^@atrium\/sdk$/, replacement: sdkSource }] },
    server: {
      host: "127.0.0.1",
      port,
      strictPort: true,
      proxy,
    },
    preview: { host: "127.0.0.1", port, strictPort: true, proxy },
    build: {
      outDir: "dist",
      // Kept for error tracking, never referenced from the bundles nor served (see apps/api/src/http/routes/spa.ts).
      sourcemap: "hidden",
      rolldownOptions: {
        // The zod contracts are plain declarations: a page that imports one schema from the SDK's
        // barrel must not ship the other domains' schemas with it.
        treeshake: { moduleSideEffects: (id: string) => !/packages[\\/](core|sdk)[\\/]src[\\/]/.test(id) },
        output: {
          codeSplitting: {
            // React changes far less often than ours: its own chunk stays cached across deploys. Mantine
            // and the rest are left to the splitter, so each lazy page carries only the components it uses.
            groups: [
              { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 2 },
            ],
          },
        },
      },
    },
  };
});
