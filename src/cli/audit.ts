import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAuditTrail } from '../capture/audit/audit-trail.js';
import { verifyAudit, type AuditVerification } from '../capture/audit/verify-audit.js';
import type { Config } from '../config.js';
import { isAuditAlgorithm } from '../domain/audit/chain-hash.js';
import { checkHeadSignature, generateSigningKeys, signHead, type AuditHead, type SignedAuditHead } from '../domain/audit/head-signature.js';
import { isObject } from '../domain/event.js';
import { createAuditStore } from '../store/audit-store.js';
import { cliActor } from './cli-actor.js';
import { withLedger } from './open-ledger.js';

const USAGE = `usage: zhuisu audit verify [--json]
       zhuisu audit head [--sign KEYFILE] [--out FILE]
       zhuisu audit keygen [--algorithm sm2|ed25519] [--out DIR]
       zhuisu audit check-head FILE [--public-key PEMFILE]
       zhuisu audit hash sm3|sha256
`;

/** `zhuisu audit …`: verify the hash-chained audit log, export and sign its head, and check a signed head (docs/audit.md). */
export async function runAudit(args: string[], config: Config): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'verify':
      return runVerify(rest, config);
    case 'head':
      return runHead(rest, config);
    case 'keygen':
      return runKeygen(rest, config);
    case 'check-head':
      return runCheckHead(rest, config);
    case 'hash':
      return runHash(rest, config);
    default:
      process.stderr.write(USAGE);
      return 2;
  }
}

function report(result: AuditVerification): string {
  const counts = `${result.entries} entries, ${result.events} events, ${result.declarations} error declarations`;
  const head = result.head ? `\nhead 链头: seq ${result.head.seq}, ${result.head.algorithm} ${result.head.hash}` : '';
  if (result.ok) return `审计链完整 / the audit log is intact: ${counts}${head}\n`;
  const broken = result.broken;
  return `审计链已被改动 / the audit log was tampered with (${counts})\n  ${broken?.zh ?? ''}\n  ${broken?.en ?? ''}\n`;
}

async function runVerify(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  return withLedger(config, async (db) => {
    const result = await verifyAudit({ audit: createAuditStore(db) });
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : report(result));
    return result.ok ? 0 : 1;
  });
}

async function runHead(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { sign: { type: 'string' }, out: { type: 'string' } } });
  const key = values.sign === undefined ? undefined : readFileSync(values.sign, 'utf8');
  return withLedger(config, async (db) => {
    const audit = createAuditStore(db);
    // A signature vouches for the whole chain up to the head, so a broken chain is not signed.
    if (key !== undefined) {
      const result = await verifyAudit({ audit });
      if (!result.ok) {
        process.stderr.write(`not signed: ${report(result)}`);
        return 1;
      }
    }
    const entry = await audit.head();
    if (!entry || !isAuditAlgorithm(entry.algorithm)) {
      process.stderr.write(entry ? `the head entry ${entry.seq} names an unknown algorithm "${entry.algorithm}"\n` : '审计链为空 / the audit log is empty\n');
      return 1;
    }
    const head: AuditHead = { seq: entry.seq, hash: entry.hash, algorithm: entry.algorithm, at: entry.at, nodeCode: config.nodeCode, exportedAt: new Date().toISOString() };
    const text = `${JSON.stringify(key === undefined ? head : signHead(head, key), null, 2)}\n`;
    if (values.out === undefined) process.stdout.write(text);
    else {
      writeFileSync(values.out, text);
      process.stdout.write(`head seq ${head.seq} written to ${values.out}${key === undefined ? '' : ', signed'}\n`);
    }
    return 0;
  });
}

async function runKeygen(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { algorithm: { type: 'string' }, out: { type: 'string' } } });
  const algorithm = values.algorithm ?? 'sm2';
  if (algorithm !== 'sm2' && algorithm !== 'ed25519') {
    process.stderr.write(USAGE);
    return 2;
  }
  const dir = values.out ?? config.dataDir;
  const keys = generateSigningKeys(algorithm);
  mkdirSync(dir, { recursive: true });
  const privateFile = join(dir, 'audit-key.pem');
  const publicFile = join(dir, 'audit-key.pub.pem');
  // Never over an existing key: heads signed with it could no longer be checked against the node's published key.
  writeFileSync(privateFile, keys.privateKey, { flag: 'wx', mode: 0o600 });
  writeFileSync(publicFile, keys.publicKey, { flag: 'wx' });
  process.stdout.write(`${algorithm} key pair written: ${privateFile} (private, keep it secret), ${publicFile} (public, give it to whoever checks the heads)\n${keys.publicKey}`);
  return 0;
}

function readHead(file: string): SignedAuditHead | undefined {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isObject(parsed)) return undefined;
  const { seq, hash, algorithm, at, nodeCode, exportedAt, signature } = parsed;
  if (typeof seq !== 'number' || typeof hash !== 'string' || !isAuditAlgorithm(algorithm) || typeof at !== 'string' || typeof nodeCode !== 'string' || typeof exportedAt !== 'string') {
    return undefined;
  }
  const head: SignedAuditHead = { seq, hash, algorithm, at, nodeCode, exportedAt };
  if (isObject(signature) && (signature.algorithm === 'sm2' || signature.algorithm === 'ed25519') && typeof signature.value === 'string' && typeof signature.publicKey === 'string') {
    head.signature = { algorithm: signature.algorithm, value: signature.value, publicKey: signature.publicKey };
  }
  return head;
}

async function runCheckHead(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'public-key': { type: 'string' } } });
  const [file] = positionals;
  if (!file) {
    process.stderr.write(USAGE);
    return 2;
  }
  const head = readHead(file);
  if (!head) {
    process.stderr.write(`${file} is not an exported audit head\n`);
    return 1;
  }
  const trusted = values['public-key'] === undefined ? undefined : readFileSync(values['public-key'], 'utf8');
  const checked = checkHeadSignature(head, trusted === undefined ? {} : { trusted });
  if (!checked.ok) {
    process.stdout.write(`签名无效 / the signature does not hold: ${checked.reason}\n`);
    return 1;
  }
  process.stdout.write(`签名有效 / the signature holds (${checked.algorithm}${trusted === undefined ? ', with the key the head carries' : ', with the trusted key'}): node ${head.nodeCode}, seq ${head.seq}, ${head.algorithm} ${head.hash}\n`);
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'zhuisu.db'))) return 0;
  return withLedger(config, async (db) => {
    const audit = createAuditStore(db);
    const entry = await audit.find(head.seq);
    if (!entry || entry.hash !== head.hash) {
      const live = await audit.head();
      process.stdout.write(entry
        ? `与本库审计链不符 / the live chain differs: its entry ${head.seq} has the hash ${entry.hash}\n`
        : `本库审计链没有第${head.seq}条 / the live chain has no entry ${head.seq} (it ends at ${live?.seq ?? 0}): entries were removed\n`);
      return 1;
    }
    const result = await verifyAudit({ audit });
    process.stdout.write(`本库审计链包含此链头 / the live chain holds this head\n${report(result)}`);
    return result.ok ? 0 : 1;
  });
}

async function runHash(args: string[], config: Config): Promise<number> {
  const [algorithm] = args;
  if (!isAuditAlgorithm(algorithm)) {
    process.stderr.write(USAGE);
    return 2;
  }
  return withLedger(config, async (db) => {
    const entry = await createAuditTrail({ db }).useAlgorithm(algorithm, cliActor());
    process.stdout.write(entry ? `the audit log is chained with ${algorithm} from entry ${entry.seq} on\n` : `the audit log is already chained with ${algorithm}\n`);
    return 0;
  });
}
