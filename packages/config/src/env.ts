import path from "node:path";
import { isIP } from "node:net";
import { z } from "zod";
import { repoRoot, resolveFromRoot, withDotEnv } from "./paths.js";
import { ATRIUM_ENVS, atriumEnvOf, type AtriumEnv } from "./profiles.js";
import { resolveProfile, profileProblems } from "./profile-settings.js";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .transform((v) => v === "true" || v === "1");

const PROXY_PRESETS = new Set(["loopback", "linklocal", "uniquelocal"]);
/** An address, CIDR or express preset name, as express's `trust proxy` takes them. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_PRESETS.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const DEV_SESSION_SECRET = "dev-only-session-secret-change-me-0123456789";
/** Signs the local checkout's webhook events in development; public, so never trusted in production. */
export const DEV_STRIPE_WEBHOOK_SECRET = "whsec_local_dev_secret";

/** The whole environment of every Atrium process, one schema. */
export const ZEnv = z.object({
  /**
   * Unset means production: development defaults (secrets, admin123, the local
   * checkout, the Stripe stand-in) are live only when this says development or test.
   */
  NODE_ENV: z.enum(["development", "test", "production"]).default("production"),
  /**
   * Atrium's environment profile (packages/config/src/profiles.ts has each one's defaults).
   * Unset: NODE_ENV's development or test, else production.
   */
  ATRIUM_ENV: z.enum(ATRIUM_ENVS).optional(),
  /**
   * Host headers the api answers (comma-separated; `*` = any; `.example.com` = the domain and its
   * subdomains). Unset: any in development/test; PUBLIC_URL's host plus localhost in staging/production.
   */
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((s) => (s === undefined ? undefined : s.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))),
  /** Extra origins (besides CORS_ORIGINS and PUBLIC_URL) whose cookie-authenticated writes are accepted. */
  TRUSTED_ORIGINS: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ message: "must be a comma-separated list of origins (https://host)" }))),
  /** Redirect plain-http requests to https (health probes excepted). Unset: on in staging/production when TRUST_PROXY is set. */
  SECURE_SSL_REDIRECT: bool.optional(),
  /** HSTS max-age in seconds; 0 sends no HSTS. Unset: a year in staging/production, 0 otherwise. */
  HSTS_SECONDS: z.coerce.number().int().min(0).max(63_072_000).optional(),
  /** Domain attribute of the session cookie (e.g. `.example.com` to share it with subdomains); unset = host-only. */
  COOKIE_DOMAIN: z.string().regex(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$/i, "must be a domain such as example.com or .example.com").optional(),
  /** CA certificate (PEM file) that signed the Redis server's certificate, for rediss:// URLs. */
  REDIS_TLS_CA_FILE: z.string().min(1).optional(),
  /** CA certificate (PEM file) of the Postgres server; added to DATABASE_URL as sslrootcert (sslmode defaults to verify-full). */
  DATABASE_CA_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Relative paths are anchored at the repository root (not the working directory), the same in every process. */
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").default(DEV_SESSION_SECRET),
  CORS_ORIGINS: z
    .string()
    .default("http://localhost:3000")
    .transform((s) => s.split(",").map((o) => o.trim()).filter(Boolean)),
  SIGNUP_MODE: z.enum(["invite", "open"]).default("invite"),
  /** Shortest password the policy accepts (signup, change, reset). */
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(6).max(128).default(8),
  SESSION_DAYS: z.coerce.number().int().positive().default(30),
  SHORT_SESSION_HOURS: z.coerce.number().int().positive().default(12),
  /**
   * How long an api process may answer from its in-process session cache. Logout, disable,
   * delete and password changes reach every process at once over Redis pub/sub; this is the
   * bound when that message is lost (Redis down): any change is seen everywhere within it. 0 = no cache.
   */
  SESSION_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /**
   * Which proxies' X-Forwarded-For to believe: `false`, a hop count (`1` = one
   * proxy in front), or proxy addresses/CIDRs (`10.0.0.0/8,loopback`). Never
   * `true`: that makes the client-written left-most entry the IP every per-IP
   * limit keys on.
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((v, ctx): false | number | string[] => {
      const s = v.trim().toLowerCase();
      if (s === "" || s === "false" || s === "0") return false;
      if (/^\d+$/.test(s)) return Number(s);
      const entries = s.split(",").map((e) => e.trim()).filter(Boolean);
      const bad = entries.filter((e) => !isProxyAddress(e));
      if (s === "true" || bad.length) {
        ctx.addIssue({ code: "custom", message: `must be false, a hop count or proxy addresses/CIDRs${s === "true" ? " (true would trust any client's X-Forwarded-For)" : `; not ${bad.join(", ")}`}` });
        return z.NEVER;
      }
      return entries;
    }),
  /** Redis-backed request limits (429 + Retry-After); off only for load tests and local experiments. */
  RATE_LIMIT_ENABLED: bool.default(true),
  /** Login, token, signup and password-reset attempts per window, per IP and per account name. */
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().positive().default(5),
  /** Anonymous API calls per window per IP. */
  RATE_LIMIT_ANON_PER_MINUTE: z.coerce.number().int().positive().default(100),
  /** Authenticated API calls per hour per user. */
  RATE_LIMIT_AUTH_PER_HOUR: z.coerce.number().int().positive().default(1000),
  /** Messages one user may send per window (on top of their hourly budget). */
  RATE_LIMIT_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Length of the "per minute" windows above; tests shorten it. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /**
   * A live stream opened without lastEventId first replays the events of its topics published this many
   * seconds before the request arrived (at most 100, else one `resync`): what happened while the page read
   * its data and the stream was still subscribing is not lost. 0 turns it off.
   */
  REALTIME_OPEN_REPLAY_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /** Bearer token for GET /metrics on the api and the worker; unset: open in development, refused in production. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Errors (error/fatal logs with an Error, uncaught exceptions) go to Sentry when set; the SDK isn't even loaded otherwise. */
  SENTRY_DSN: z.url().optional(),
  /** OTLP/HTTP collector base URL (e.g. http://localhost:4318); when set, processes started with `--import ./src/instrument.ts` send traces. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** The worker's own HTTP port for /metrics, /healthz and /readyz; 0 turns that server off. */
  WORKER_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8001),
  REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default("atrium"),
  /** The built SPA the api serves on its own origin; in production it defaults to apps/web/dist. */
  WEB_DIST_DIR: z.string().min(1).optional(),
  /**
   * Apply migrations (under an advisory lock) and bootstrap when the api starts. Unset: yes in
   * development (`npm run dev`, `npm start`), no in production (`npm run migrate` first).
   */
  MIGRATE_ON_START: bool.optional(),
  /** On SIGTERM the api stops accepting and gives in-flight requests this long before it closes them. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(4),
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().positive().default(10),
  /** Parallel jobs per worker on the document_processing and ai_analysis queues. */
  ANALYSIS_CONCURRENCY: z.coerce.number().int().positive().default(4),
  /** BullMQ lock + stalled-check interval: a killed worker's job is picked up again after about this long. */
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(200).default(30_000),
  /** Base delay of the exponential backoff between attempts of an analysis job. */
  JOB_RETRY_BASE_MS: z.coerce.number().int().min(0).default(5_000),
  /**
   * How long after a message arrives its recipient's unread-messages email waits: one digest of
   * every conversation still unread by then (nothing if they were read meanwhile).
   */
  MESSAGE_EMAIL_DELAY_MS: z.coerce.number().int().min(0).default(10 * 60_000),
  /** A job `running` longer than this with no live BullMQ job is failed by the sweep. */
  JOB_RUNNING_DEADLINE_MINUTES: z.coerce.number().int().positive().default(30),
  /** Which analyzer runs jobs: `local` (offline NLP, free) or `openai` (any OpenAI-compatible API, priced per token). */
  ANALYZER: z.enum(["local", "openai"]).default("local"),
  LLM_BASE_URL: z.url().default("https://api.openai.com/v1"),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** An OpenAI-compatible speech-to-text API (OpenAI, Groq, a local whisper.cpp / faster-whisper server): its base URL, with /audio/transcriptions under it. Unset: no interview transcription (no offline default) and no audio uploads unless ALLOW_AUDIO_UPLOADS. */
  TRANSCRIPTION_BASE_URL: z.url().optional(),
  TRANSCRIPTION_MODEL: z.string().min(1).default("whisper-1"),
  TRANSCRIPTION_API_KEY: z.string().min(1).optional(),
  TRANSCRIPTION_TIMEOUT_MS: z.coerce.number().int().positive().default(300_000),
  /** Recruiting: the candidate's "Interview Reminder" email goes out this long before the interview (default a day). */
  INTERVIEW_REMINDER_LEAD_MINUTES: z.coerce.number().int().min(1).max(30 * 24 * 60).default(1440),
  SESSION_PURGE_EVERY_MINUTES: z.coerce.number().int().positive().default(60),
  /** Soft-deleted accounts, organizations, teams and users are purged for good after this many days. */
  SOFT_DELETE_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
  /** Largest JSON request body (tRPC and REST), in bytes: larger ones get 413 before they are read or parsed. Uploads have MAX_UPLOAD_MB. */
  MAX_JSON_BODY_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  /** Largest accepted upload, in megabytes; enforced while the upload streams in. */
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(10),
  /** Also accept audio (mp3, wav, m4a, ogg, flac) uploads; on by itself when TRANSCRIPTION_BASE_URL is set (interview recordings). */
  ALLOW_AUDIO_UPLOADS: bool.default(false),
  /** Uploaded files go to an S3-compatible bucket when S3_BUCKET is set, else under DATA_DIR/storage. */
  S3_BUCKET: z.string().min(1).optional(),
  /** For MinIO, LocalStack or another S3-compatible service; empty for AWS itself. */
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** MinIO and LocalStack want http://host/bucket/key rather than http://bucket.host/key. */
  S3_FORCE_PATH_STYLE: bool.default(false),
  EMAIL_FROM: z.string().min(3).default("Atrium <no-reply@atrium.local>"),
  /** smtp(s)://user:pass@host:port; when set, mail goes out over SMTP. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** When set (and no SMTP_URL), mail goes out through Resend's HTTP API. */
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_API_URL: z.url().default("https://api.resend.com"),
  BOOTSTRAP_ADMIN_USERNAME: z.string().min(1).default("admin"),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(1).default("admin123"),
  BOOTSTRAP_ADMIN_EMAIL: z.email().default("admin@atrium.local"),
  /** Real Stripe Checkout when set; otherwise top-ups use the api's local checkout page (development and tests only). */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, "must be a Stripe secret key (sk_... or rk_...)").optional(),
  /** Verifies Stripe-Signature on /api/billing/webhook/; with `stripe listen`, the whsec_... it prints. */
  STRIPE_WEBHOOK_SECRET: z.string().min(1).default(DEV_STRIPE_WEBHOOK_SECRET),
  /** Where the Stripe SDK sends requests; only tests point it at a stand-in server. */
  STRIPE_API_HOST: z.string().min(1).optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
  /** Bounds of one reserve top-up, in dollars. */
  TOPUP_MIN_DOLLARS: z.coerce.number().positive().default(5),
  TOPUP_MAX_DOLLARS: z.coerce.number().positive().default(10000),
  /** The largest staff balance adjustment, either way, in dollars; the api refuses more (400). */
  BILLING_ADJUST_MAX_DOLLARS: z.coerce.number().positive().default(10000),
  /** Staff adjustments above this (either way, in dollars) need a second confirmation in the SPA. */
  BILLING_ADJUST_CONFIRM_ABOVE_DOLLARS: z.coerce.number().nonnegative().default(1000),
  /** How a ledger entry locks its reserve: one conditional UPDATE (measured faster, see bench/billing-debits.bench.ts) or SELECT ... FOR UPDATE first. */
  BILLING_LOCK_STRATEGY: z.enum(["update", "row_lock"]).default("update"),
  /** Job types a `limited` low-balance policy still lets through (comma-separated). */
  BILLING_CHEAP_JOB_TYPES: z
    .string()
    .default("notification,email.send")
    .transform((s) => s.split(",").map((t) => t.trim()).filter(Boolean)),
  /** Low-balance policy of new tenants' reserves: `block` (refuse what the balance can't cover), `warn` or `limited`. */
  BILLING_DEFAULT_POLICY: z.enum(["block", "warn", "limited"]).default("block"),
  /** Under `warn`, the most a balance may go below zero, in cents: jobs are refused and debits stop there. */
  BILLING_WARN_CREDIT_LIMIT_CENTS: z.coerce.number().int().min(0).default(5_000),
  /** Document extraction and local analysis run in a worker thread, killed past this time or heap. */
  DOCUMENT_TASK_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  DOCUMENT_TASK_MEMORY_MB: z.coerce.number().int().min(32).default(256),
  /** A DOCX whose entries claim to unpack to more than this is refused before it is inflated. */
  DOCX_MAX_UNCOMPRESSED_MB: z.coerce.number().positive().default(50),
  /** Characters of a document an analyzer reads; the rest is left out and the job result says so. */
  ANALYZER_MAX_TEXT_CHARS: z.coerce.number().int().positive().default(200_000),
  /** Running analysis jobs per tenant across all workers; more wait (delayed, no attempt spent) so no tenant starves the others. */
  JOBS_MAX_RUNNING_PER_TENANT: z.coerce.number().int().positive().default(2),
  /** Lets tenants create `noop` jobs (benchmarks and tests); off in real deployments. */
  ALLOW_NOOP_JOBS: bool.default(false),
  /** Largest tenant archive POST /api/data/restore/ accepts, in bytes as sent (gzip or JSON): 413 past it. */
  RESTORE_MAX_BYTES: z.coerce.number().int().min(1024).default(256 * 1024 * 1024),
  /** Largest a restore archive may inflate to, in bytes: a gzip bomb is cut off here (413) while it streams. */
  RESTORE_MAX_UNCOMPRESSED_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024 * 1024),
  /** Where full backups go (one folder each); relative paths are anchored at the repository root. Default: DATA_DIR/backups. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Generations kept: the newest backup of each of the last N days, and of each of the last N ISO weeks. */
  BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).default(7),
  BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(0).default(4),
  /** When the worker backs up (cron, UTC, e.g. `0 3 * * *`); unset = no scheduled backups. */
  BACKUP_CRON: z.string().min(9).optional(),
  /** Deep health calls backups degraded when BACKUP_CRON is set and the newest finished one is older than this. */
  BACKUP_MAX_AGE_HOURS: z.coerce.number().positive().default(26),
  /** A second copy of every backup goes to this S3 bucket (never the uploads bucket), with the S3_* endpoint and keys. */
  BACKUP_S3_BUCKET: z.string().min(1).optional(),
});

type ParsedEnv = z.infer<typeof ZEnv>;
type Resolved = "ATRIUM_ENV" | "ALLOWED_HOSTS" | "SECURE_SSL_REDIRECT" | "HSTS_SECONDS" | "MIGRATE_ON_START";
/** The parsed environment with every profile-dependent default filled in. */
export type Env = Omit<ParsedEnv, Resolved> & {
  ATRIUM_ENV: AtriumEnv;
  /** `["*"]` = any host. */
  ALLOWED_HOSTS: string[];
  SECURE_SSL_REDIRECT: boolean;
  HSTS_SECONDS: number;
  MIGRATE_ON_START: boolean;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Development defaults (secrets, admin password, local checkout, Stripe stand-in) are accepted only in development and test. */
export const allowsDevDefaults = (env: Pick<Env, "ATRIUM_ENV">) => env.ATRIUM_ENV === "development" || env.ATRIUM_ENV === "test";

/** Everything a staging or production (or unlabelled) environment must not have; empty in development and tests. */
function productionProblems(env: Env): string[] {
  if (allowsDevDefaults(env)) return [];
  const problems: string[] = [];
  const only = "is only accepted when ATRIUM_ENV (or NODE_ENV) is development or test";
  if (env.SESSION_SECRET === DEV_SESSION_SECRET) problems.push(`SESSION_SECRET: must be set; the development default ${only}`);
  if (env.BOOTSTRAP_ADMIN_PASSWORD === "admin123") problems.push(`BOOTSTRAP_ADMIN_PASSWORD: the default admin password ${only}`);
  if (env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET === DEV_STRIPE_WEBHOOK_SECRET) {
    problems.push("STRIPE_WEBHOOK_SECRET: the development default is public; use the endpoint's signing secret");
  }
  // The stand-in server switches exist for tests; in production they would send the Stripe key over plain HTTP to anyone.
  for (const name of ["STRIPE_API_HOST", "STRIPE_API_PORT", "STRIPE_API_PROTOCOL"] as const) {
    if (env[name] !== undefined) problems.push(`${name}: ${only}`);
  }
  return problems;
}

export interface ConfigCheck {
  /** The effective configuration; undefined when a variable could not be parsed at all. */
  env?: Env;
  /** Everything that stops a process from starting, every one at once. */
  problems: string[];
}

/**
 * Parses and checks the environment without throwing: zod issues, then (parsing again
 * with the broken variables left to their defaults) the profile's refusals, so an
 * operator sees every problem in one go.
 */
export function checkConfig(source?: Record<string, string | undefined>, options: { root?: string } = {}): ConfigCheck {
  const root = options.root ?? repoRoot();
  // No explicit source = a real process: the repository's .env fills in what the environment leaves unset.
  const input = source ?? withDotEnv(process.env, root);
  const first = ZEnv.safeParse(input);
  const problems = first.success ? [] : first.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  const broken = new Set(first.success ? [] : first.error.issues.map((i) => String(i.path[0])));
  const parsed = first.success ? first : ZEnv.safeParse(Object.fromEntries(Object.entries(input).filter(([k]) => !broken.has(k))));
  if (!parsed.success) return { problems };
  const env = resolve(parsed.data, root);
  if (env.TOPUP_MIN_DOLLARS > env.TOPUP_MAX_DOLLARS) problems.push("TOPUP_MIN_DOLLARS: must not exceed TOPUP_MAX_DOLLARS");
  if (env.BACKUP_S3_BUCKET && env.BACKUP_S3_BUCKET === env.S3_BUCKET) problems.push("BACKUP_S3_BUCKET: must not be the uploads bucket (S3_BUCKET)");
  problems.push(...productionProblems(env), ...profileProblems(env));
  if (problems.length && !allowsDevDefaults(env) && !input.NODE_ENV && !input.ATRIUM_ENV) {
    problems.push("NODE_ENV: unset, so treated as production; set NODE_ENV=development for local use (npm start does)");
  }
  return { env: problems.length ? undefined : env, problems };
}

/** Fills in what depends on the profile and anchors every path at the repository root. */
function resolve(parsed: ParsedEnv, root: string): Env {
  const ATRIUM_ENV = atriumEnvOf(parsed);
  const devLike = ATRIUM_ENV === "development" || ATRIUM_ENV === "test";
  const webDist = parsed.WEB_DIST_DIR ?? (devLike ? undefined : "apps/web/dist");
  return resolveProfile({
    ...parsed,
    ATRIUM_ENV,
    // Resolved once, here: api, worker, scripts and tests then agree on every file location.
    DATA_DIR: resolveFromRoot(parsed.DATA_DIR, root),
    BACKUP_DIR: resolveFromRoot(parsed.BACKUP_DIR ?? path.join(parsed.DATA_DIR, "backups"), root),
    MIGRATE_ON_START: parsed.MIGRATE_ON_START ?? devLike,
    WEB_DIST_DIR: webDist === undefined ? undefined : resolveFromRoot(webDist, root),
    REDIS_TLS_CA_FILE: parsed.REDIS_TLS_CA_FILE === undefined ? undefined : resolveFromRoot(parsed.REDIS_TLS_CA_FILE, root),
    DATABASE_CA_FILE: parsed.DATABASE_CA_FILE === undefined ? undefined : resolveFromRoot(parsed.DATABASE_CA_FILE, root),
  });
}

/**
 * Parses the environment, reporting every bad variable at once, and refuses
 * staging and production (which an unset NODE_ENV is) with development defaults in place.
 */
export function loadConfig(source?: Record<string, string | undefined>, options: { root?: string } = {}): Env {
  const { env, problems } = checkConfig(source, options);
  if (!env) throw new ConfigError(problems);
  return env;
}
