import { parseArgs } from 'node:util';
import { createAccountsOn } from '../accounts/accounts.js';
import { scopeLookups } from '../accounts/scope-check.js';
import { createProfiles } from '../capture/records/profiles.js';
import type { Config } from '../config.js';
import { createPartyStore } from '../store/party-store.js';
import { createProfileStore } from '../store/profile-store.js';
import { createAuditTrail } from '../capture/audit/audit-trail.js';
import { cliActor } from './cli-actor.js';
import { withLedger } from './open-ledger.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/**
 * `zhuisu create-admin USERNAME [--name 显示名]`: a platform administrator, made on the server's own machine (whoever
 * can run this can read the database anyway). The password is read from standard input, so that it stays out of
 * the shell history and the process list: `printf '%s' "$PASSWORD" | zhuisu create-admin admin`.
 */
export async function runCreateAdmin(args: string[], config: Config): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { name: { type: 'string' } } });
  const username = positionals[0];
  if (!username) {
    process.stderr.write('usage: printf %s "$PASSWORD" | zhuisu create-admin USERNAME [--name 显示名]\n');
    return 2;
  }
  const password = await readStdin();
  return withLedger(config, async (db) => {
    const now = () => new Date();
    const accounts = createAccountsOn(db, { now, lookups: scopeLookups(createPartyStore(db), createProfiles({ store: createProfileStore(db, { now }) })) });
    const user = await accounts.createFirstAdministrator({ username, displayName: values.name ?? username, password });
    await createAuditTrail({ db, now }).record(cliActor(), 'user.create', user.userId, { username: user.username, role: user.role, enterprise: null, region: null, sectors: [] });
    process.stdout.write(`platform administrator ${user.username} created (${user.userId}); sign in at POST /api/v1/auth/login\n`);
    return 0;
  }, (err) => `zhuisu create-admin: ${err.message}`);
}
