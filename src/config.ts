import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the platform reads from its environment, read once at an entry point. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** PostgreSQL connection string; when absent the embedded SQLite database under `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  readonly adminToken: string | undefined;
  /** Whether the bootstrap administrator token (first start, or ZHUISU_ADMIN_TOKEN) works; `ZHUISU_BOOTSTRAP_TOKEN=off` revokes it. */
  readonly bootstrapToken: boolean;
  /** The issuing platform's node code, the prefix of every trace code it issues. */
  readonly nodeCode: string;
  readonly demo: boolean;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit: number;
  readonly publicBaseUrl: string;
  readonly logLevel: string;
  /** Worker threads that validate and hash large captures beside the thread that stores them. */
  readonly captureWorkers: number;
  /** Processes that serve HTTP on the one port; above 1 they are forked as a cluster (one event loop uses one core). */
  readonly workers: number;
  /** Set in the serving processes that `zhuisu serve` forks: which of them this is. */
  readonly servingIndex: number | undefined;
  /** The built web app that the server serves beside the API (`npm run build` makes it). */
  readonly webRoot: string;
}

/** How `zhuisu serve` tells each process it forks its place among them. */
export const SERVING_INDEX_VARIABLE = 'ZHUISU_SERVING_INDEX';

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const port = integer(env.PORT, 'PORT', 8080);
  const nodeCode = env.ZHUISU_NODE_CODE ?? '000000';
  if (!/^\d{6}$/.test(nodeCode)) {
    throw new Error(`ZHUISU_NODE_CODE must be six digits (a GB/T 2260 region code such as 460100), got "${nodeCode}"`);
  }
  return Object.freeze({
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.ZHUISU_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.ZHUISU_ADMIN_TOKEN || undefined,
    bootstrapToken: env.ZHUISU_BOOTSTRAP_TOKEN !== 'off',
    nodeCode,
    demo: env.ZHUISU_DEMO !== '0',
    bodyLimit: integer(env.ZHUISU_BODY_LIMIT, 'ZHUISU_BODY_LIMIT', 64 * 1024 * 1024),
    publicBaseUrl: (env.ZHUISU_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    logLevel: env.LOG_LEVEL ?? 'info',
    captureWorkers: integer(env.ZHUISU_CAPTURE_WORKERS, 'ZHUISU_CAPTURE_WORKERS', Math.max(1, availableParallelism())),
    workers: Math.max(1, integer(env.ZHUISU_WORKERS, 'ZHUISU_WORKERS', 1)),
    servingIndex: env[SERVING_INDEX_VARIABLE] ? integer(env[SERVING_INDEX_VARIABLE], SERVING_INDEX_VARIABLE, 0) : undefined,
    webRoot: resolve(env.ZHUISU_WEB_DIR ?? fileURLToPath(new URL('../dist/web', import.meta.url))),
  });
}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}
