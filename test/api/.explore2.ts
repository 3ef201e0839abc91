import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { validateEpcisDocument } from '../../src/capture/validate-document.js';
const root = '/work/shared/conformance/epcis';
const ajv = new Ajv({ strict: false, allErrors: true });
ajvFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'json-schema/EPCIS-JSON-Schema.json'), 'utf8')));
function walk(d: string): string[] { return readdirSync(d).flatMap((f) => { const p = join(d, f); return statSync(p).isDirectory() ? walk(p) : [p]; }); }
for (const f of walk(join(root, 'examples/jsonld-simple-context')).sort()) {
  const doc = JSON.parse(readFileSync(f, 'utf8'));
  if (validate(doc)) continue;
  console.log('==', f.slice(root.length + 10));
  for (const e of validate.errors ?? []) console.log('  GS1', e.instancePath, e.schemaPath, e.message, JSON.stringify(e.params));
  const r = validateEpcisDocument(doc);
  if (!r.ok) for (const i of r.issues) console.log('  ZS ', i.index, i.field, '|', i.reason.slice(0, 80));
}
