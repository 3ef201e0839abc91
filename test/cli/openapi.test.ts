import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/cli/openapi.js';

describe('docs/openapi.json', () => {
  it('is the OpenAPI document the routes generate today (regenerate with npm run openapi)', async () => {
    const committed = readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8');
    const generated = await openApiDocument({ nodeCode: '000000', publicBaseUrl: 'http://localhost:8080', bodyLimit: 64 * 1024 * 1024 });
    expect(generated === committed).toBe(true);
  });
});
