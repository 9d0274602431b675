import { defineConfig, loadEnv } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

// The SDK's package exports point at its tsup build; aliasing to the source keeps
// `vite dev` and `vite build` working before (and without) that build.
const sdkSource = fileURLToPath(new URL("../../packages/sdk/src/index.ts", import.meta.url));

export default defineConfig(({ mode }) => {
  // Empty prefix: read WEB_PORT / API_URL from .env files and the shell alike.
  const env = loadEnv(mode, process.cwd(), "");
  const apiUrl = env.API_URL || "http://localhost:8000";
  const proxy = { target: apiUrl, changeOrigin: true };
  return {
    plugins: [react()],
    resolve: { alias: { "@atrium/sdk": sdkSource } },
    server: {
      host: "127.0.0.1",
      port: Number(env.WEB_PORT || 3000),
      strictPort: true,
      proxy: { "/trpc": proxy, "/api": proxy },
    },
    preview: { host: "127.0.0.1", port: Number(env.WEB_PORT || 3000), strictPort: true, proxy: { "/trpc": proxy, "/api": proxy } },
    build: { outDir: "dist", sourcemap: true },
  };
});
