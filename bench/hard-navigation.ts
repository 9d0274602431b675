import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

// Hard navigations (a reload, a pasted link) through the SPA of a running Atrium: signs in as the
// dev admin, then loads each page from scratch and prints when its first paint and its navigation
// appeared. Point it at `npm start` (the built SPA) or `npm run dev` (Vite's dev server) to compare:
//   pnpm exec tsx bench/hard-navigation.ts --url http://localhost:3000
// Prints; never asserts.
const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    username: { type: "string", default: "admin" },
    password: { type: "string", default: "admin123" },
    rounds: { type: "string", default: "2" },
    chromium: { type: "string", default: "/usr/bin/chromium" },
  },
});
const ROUTES = ["/", "/profile", "/api-keys", "/billing", "/documents", "/jobs", "/org", "/admin/users", "/admin/audit", "/admin/billing", "/admin/system"];

/** First contentful paint (waited for: it may land after the DOM we waited on) and how many files the page fetched. */
function paintAndRequests(): Promise<{ fcp: number; requests: number }> {
  return new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      const entry = list.getEntriesByName("first-contentful-paint")[0];
      if (!entry) return;
      observer.disconnect();
      resolve({ fcp: entry.startTime, requests: performance.getEntriesByType("resource").length });
      // Runs in the browser; Node's typings of PerformanceObserver don't know the "paint" entry type.
    }).observe({ type: "paint", buffered: true } as never);
  });
}

const browser = await chromium.launch({
  executablePath: args.chromium,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${args.url}/login`);
  await page.getByLabel("Username or email").fill(args.username);
  await page.getByLabel("Password", { exact: true }).fill(args.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/", { timeout: 60_000 });

  const results = new Map<string, number[]>();
  // Round 1 is a cold browser cache for each page's code; later rounds are what a returning user sees.
  for (let round = 1; round <= Number(args.rounds); round++) {
    for (const route of ROUTES) {
      const t0 = Date.now();
      await page.goto(`${args.url}${route}`, { timeout: 60_000 });
      // The app has rendered once its navigation is there (every signed-in page has it).
      await page.getByRole("navigation").getByRole("link", { name: "API keys" }).waitFor({ timeout: 60_000 });
      const ready = Date.now() - t0;
      const { fcp, requests } = await page.evaluate(paintAndRequests);
      console.log(`round ${round}  ${route.padEnd(16)} first paint ${String(Math.round(fcp)).padStart(5)} ms   app ready ${String(ready).padStart(5)} ms   ${requests} requests`);
      const list = results.get(route) ?? [];
      list.push(ready);
      results.set(route, list);
    }
  }
  const all = [...results.values()].flat().sort((a, b) => a - b);
  console.log(`app ready: median ${all[Math.floor(all.length / 2)]} ms, max ${all.at(-1)} ms over ${all.length} hard navigations`);
} finally {
  await browser.close();
}
