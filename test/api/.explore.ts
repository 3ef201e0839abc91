import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../../src/api/app.js';
import { createDb, migrateToLatest } from '../../src/store/db.js';
import { createTokenStore } from '../../src/store/token-store.js';
const root = '/work/shared/conformance/epcis';
function walk(d: string): string[] { return readdirSync(d).flatMap((f) => { const p = join(d, f); return statSync(p).isDirectory() ? walk(p) : [p]; }); }
for (const dir of ['examples/jsonld', 'examples/jsonld-simple-context']) {
  for (const f of walk(join(root, dir)).sort()) {
    const db = createDb({ sqliteFile: ':memory:' });
    await migrateToLatest(db);
    await createTokenStore(db, { now: () => new Date() }).add('tok', { name: 't', role: 'admin' });
    const app = await buildApp({ db, nodeCode: '460100', publicBaseUrl: 'https://x', bodyLimit: 1e7 });
    const res = await app.inject({ method: 'POST', url: '/epcis/v2/capture', headers: { authorization: 'Bearer tok', 'content-type': 'application/ld+json' }, payload: readFileSync(f, 'utf8') });
    const b = res.json();
    console.log(res.statusCode, f.slice(root.length + 10), res.statusCode === 202 ? `${b.eventCount}/${b.storedCount}` : String(b.detail).slice(0, 300));
    await app.close(); await db.destroy();
  }
}
