import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../api/app.js';
import type { Config } from '../config.js';
import { createDb, migrateToLatest } from '../store/db.js';

/** The platform's OpenAPI document, as `/openapi.json` serves it, built without touching the real database. */
export async function openApiDocument(config: Pick<Config, 'nodeCode' | 'publicBaseUrl' | 'bodyLimit'>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'zhuisu-openapi-'));
  const db = createDb({ sqliteFile: join(dir, 'spec.db') });
  try {
    await migrateToLatest(db);
    const app = await buildApp({ db, nodeCode: config.nodeCode, publicBaseUrl: config.publicBaseUrl, bodyLimit: config.bodyLimit });
    const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return document;
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `zhuisu openapi [FILE]`: prints the OpenAPI document, or writes it to FILE (docs/openapi.json is kept this way). */
export async function runOpenApi(args: string[], config: Config): Promise<number> {
  const document = await openApiDocument(config);
  const [file] = args;
  if (file) writeFileSync(file, document);
  else process.stdout.write(document);
  return 0;
}
