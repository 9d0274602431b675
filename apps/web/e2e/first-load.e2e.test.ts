import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, startE2eStack, type E2eStack } from "./browser.js";

// What a first visit downloads: every page is a lazy chunk (app/router.tsx), so the login and the
// dashboard must not carry the admin area's charts and date pickers, the documents page's dropzone,
// or (on the dashboard) zod; nor the popover engine (floating-ui: menus and tooltips load when reached)
// or the toasts' container (loaded with the first toast). Markers are strings those libraries' code
// always contains; sizes are printed, never asserted.
const MARKERS = {
  dates: "@mantine/dates/",
  dropzone: "@mantine/dropzone/",
  charts: "recharts-surface",
  zod: "ZodError",
  popovers: "data-floating-ui-focusable",
  toasts: "--notifications-container-width",
};

let api: E2eStack | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  api = await startE2eStack();
  browser = await launchChromium(process.env.CHROMIUM_PATH);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** Loads `path` in a fresh page (after `before`, if given) and returns the JS and CSS it fetched. */
async function firstLoad(path: string, before?: (page: Page) => Promise<void>) {
  if (!browser || !api) throw new Error("not started");
  const context = await browser.newContext();
  const page = await context.newPage();
  await before?.(page);
  const assets = new Map<string, Buffer>();
  page.on("response", async (res) => {
    if (/\.(js|css)$/.test(new URL(res.url()).pathname)) assets.set(res.url(), await res.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(`${api.url}${path}`, { waitUntil: "networkidle" });
  await context.close();
  const js = [...assets].filter(([u]) => u.endsWith(".js")).map(([, b]) => b);
  const css = [...assets].filter(([u]) => u.endsWith(".css")).map(([, b]) => b);
  const kb = (bs: Buffer[]) => (bs.reduce((n, b) => n + gzipSync(b).length, 0) / 1024).toFixed(1);
  console.log(`${path}: ${kb(js)} KB JS + ${kb(css)} KB CSS gzip in ${assets.size} files`);
  const text = js.map((b) => b.toString("utf8")).join("\n");
  return { has: (marker: keyof typeof MARKERS) => text.includes(MARKERS[marker]), files: assets.size };
}

async function signIn(page: Page) {
  if (!api) throw new Error("not started");
  // Through the form: it is what sets the session cookie.
  await page.goto(`${api.url}/login`);
  await page.getByLabel("Username or email").fill("admin");
  await page.getByLabel("Password", { exact: true }).fill("admin123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${api.url}/`);
}

describe("first load of the SPA", () => {
  it("serves /login without charts, date pickers or the dropzone", async () => {
    const login = await firstLoad("/login");
    expect(login.has("dates")).toBe(false);
    expect(login.has("dropzone")).toBe(false);
    expect(login.has("charts")).toBe(false);
    expect(login.has("popovers")).toBe(false);
    expect(login.has("toasts")).toBe(false);
  });

  it("serves the dashboard without charts, date pickers, the dropzone or zod", async () => {
    if (!browser || !api) throw new Error("not started");
    // Sign in in one context, carry its cookie into a cold one.
    const signInContext = await browser.newContext();
    await signIn(await signInContext.newPage());
    const cookies = await signInContext.cookies();
    await signInContext.close();
    const dashboard = await firstLoad("/", (page) => page.context().addCookies(cookies));
    expect(dashboard.has("dates")).toBe(false);
    expect(dashboard.has("dropzone")).toBe(false);
    expect(dashboard.has("charts")).toBe(false);
    expect(dashboard.has("zod")).toBe(false);
    expect(dashboard.has("popovers")).toBe(false);
    expect(dashboard.has("toasts")).toBe(false);
  });
});
