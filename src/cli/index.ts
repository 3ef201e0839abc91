import { loadConfig } from '../config.js';
import { runAudit } from './audit.js';
import { runCreateAdmin } from './create-admin.js';
import { runImport } from './import.js';
import { runImportRecords } from './import-records.js';
import { runLabels } from './labels.js';
import { runOpenApi } from './openapi.js';
import { runServe } from './serve.js';
import { runTrace } from './trace.js';

const USAGE = `zhuisu — important-product traceability platform (追溯)

Usage:
  zhuisu serve                         start the platform (PORT, ZHUISU_DATA_DIR, DATABASE_URL)
  zhuisu import FILE                   capture an EPCIS 2.0 JSON/JSON-LD document
  zhuisu trace ID [--backward|--forward] [--json]
                                       trace a unit by trace code, EPC URI or Digital Link
  zhuisu import-records FILE --sector S --stage T [--format csv|xlsx]
                                       import a filled-in stage template, all or nothing
  zhuisu labels ISSUE_ID [--csv] [--from N] [--count N] [--out FILE]
                                       label sheets (PDF) or label printer data (CSV) of issued trace codes
  zhuisu openapi [FILE]                print (or write) the OpenAPI document of the API
  zhuisu create-admin USERNAME [--name N]
                                       a platform administrator; the password is read from standard input
  zhuisu audit verify|head|keygen|check-head|hash
                                       verify the hash-chained audit log, export and sign its head, check a signed head
`;

const COMMANDS: Record<string, (args: string[], config: ReturnType<typeof loadConfig>) => Promise<number>> = {
  serve: runServe,
  import: runImport,
  'import-records': runImportRecords,
  trace: runTrace,
  labels: runLabels,
  openapi: runOpenApi,
  audit: runAudit,
  'create-admin': runCreateAdmin,
};

const [command, ...args] = process.argv.slice(2);
const run = command ? COMMANDS[command] : undefined;
if (!run) {
  process.stdout.write(USAGE);
  process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
} else {
  try {
    process.exitCode = await run(args, loadConfig(process.env));
  } catch (err) {
    process.stderr.write(`zhuisu ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
