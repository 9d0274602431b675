// A private CA and a server certificate for localhost, made with openssl at test time, and a
// redis-server that speaks only TLS with it: what a managed Redis (rediss://) looks like.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@atrium/db/embedded";
import { startService, waitFor, type Service } from "@atrium/testing";

export interface TestCa {
  dir: string;
  caFile: string;
  certFile: string;
  keyFile: string;
  remove: () => void;
}

/** A self-signed CA and a localhost/127.0.0.1 server certificate signed by it, in a fresh temp folder. */
export function createTestCa(): TestCa {
  const dir = mkdtempSync(path.join(tmpdir(), "atrium-tls-"));
  const f = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Atrium Test CA", "-keyout", f("ca.key"), "-out", f("ca.pem"));
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", f("server.key"), "-out", f("server.csr"));
  writeFileSync(f("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
  openssl("x509", "-req", "-in", f("server.csr"), "-CA", f("ca.pem"), "-CAkey", f("ca.key"), "-CAcreateserial", "-days", "2", "-extfile", f("san.ext"), "-out", f("server.pem"));
  return { dir, caFile: f("ca.pem"), certFile: f("server.pem"), keyFile: f("server.key"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** redis-server with TLS only (no plain port), clients not asked for certificates. */
export async function startTlsRedis(ca: TestCa): Promise<{ service: Service; port: number }> {
  const port = await freePort();
  const service = startService({
    name: "redis-tls",
    cwd: ".",
    command: "redis-server",
    args: ["--port", "0", "--tls-port", String(port), "--tls-cert-file", ca.certFile, "--tls-key-file", ca.keyFile, "--tls-ca-cert-file", ca.caFile, "--tls-auth-clients", "no", "--save", "", "--appendonly", "no", "--dir", ca.dir],
    env: {},
  });
  await waitFor(service, "redis listening over TLS", () => /Ready to accept connections/.test(service.output()), 10_000);
  return { service, port };
}
