import { buildApp } from '../../src/api/app.js';
import { createDb, migrateToLatest } from '../../src/store/db.js';
const db = createDb({ sqliteFile: ':memory:' });
await migrateToLatest(db);
const app = await buildApp({ db, nodeCode: '460100', publicBaseUrl: 'https://x', bodyLimit: 1e7 });
for (const url of ['/docs', '/docs/', '/docs/static/index.html']) { const r = await app.inject({ url }); console.log(url, r.statusCode, r.headers['content-type'], r.headers.location, r.body.slice(0, 80)); }
await app.close();
