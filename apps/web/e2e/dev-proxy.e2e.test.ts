import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `vite dev` (apps/web/vite.config.ts as is) in front of a stand-in api that names every path it is asked for:
// api paths must reach it, SPA routes (even ones that start with "api") must get the SPA.
const webRoot = fileURLToPath(new URL("..", import.meta.url));
let fakeApi: Server;
let vite: ViteDevServer;
let url = "";

async function freePort(): Promise<number> {
  const probe = createHttpServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  fakeApi = createHttpServer((req, res) => res.end(`api saw ${req.url}`));
  await new Promise<void>((resolve) => fakeApi.listen(0, "127.0.0.1", resolve));
  // The config reads both from the environment (the shell wins over .env).
  process.env.API_URL = `http://127.0.0.1:${(fakeApi.address() as AddressInfo).port}`;
  process.env.WEB_PORT = String(await freePort());
  vite = await createServer({ configFile: `${webRoot}/vite.config.ts`, root: webRoot, logLevel: "silent" });
  await vite.listen();
  url = `http://127.0.0.1:${process.env.WEB_PORT}`;
});

afterAll(async () => {
  await vite?.close();
  fakeApi?.closeAllConnections();
  await new Promise((resolve) => fakeApi?.close(resolve));
});

const get = async (path: string) => (await fetch(`${url}${path}`, { headers: { accept: "text/html" } })).text();

describe("the vite dev server's proxy", () => {
  it("forwards /api/ and /trpc/ to the api", async () => {
    expect(await get("/api/docs")).toBe("api saw /api/docs");
    expect(await get("/api/v1/documents/?limit=5")).toBe("api saw /api/v1/documents/?limit=5");
    expect(await get("/trpc/auth.login?batch=1")).toBe("api saw /trpc/auth.login?batch=1");
  });

  it("serves the SPA for its own routes, including /api-keys", async () => {
    for (const path of ["/api-keys", "/api-keys?page=2", "/login", "/admin/billing"]) {
      const body = await get(path);
      expect(body, path).toContain('<div id="root">');
      expect(body, path).not.toContain("api saw");
    }
  });
});
