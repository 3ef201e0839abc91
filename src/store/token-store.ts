import { createHash } from 'node:crypto';
import type { Scope } from '../domain/access/principal.js';
import { isRole } from '../domain/access/roles.js';
import type { Db } from './db.js';
import type { ApiTokenTable } from './schema.js';

/** A machine token as it is listed: never its secret. */
export interface ApiToken extends Scope {
  tokenId: string;
  name: string;
  createdAt: string;
  createdBy?: string;
  expiresAt?: string;
  revokedAt?: string;
  /** The token of the first start (or ZHUISU_ADMIN_TOKEN). */
  bootstrap: boolean;
}

export interface NewApiToken extends Scope {
  name: string;
  createdBy?: string;
  expiresAt?: string;
  bootstrap?: boolean;
}

/** The SHA-256 of a secret: tokens and session cookies are stored only so, and a leaked database opens nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The id of a token: the start of its hash, which says nothing about the secret and names it in lists and logs. */
export function tokenIdOf(token: string): string {
  return hashSecret(token).slice(0, 16);
}

function toApiToken(row: ApiTokenTable): ApiToken {
  if (!isRole(row.role)) throw new Error(`api_token ${row.tokenId} has an unknown role ${row.role}`);
  return {
    tokenId: row.tokenId, name: row.name, role: row.role, sectors: JSON.parse(row.sectors) as string[], createdAt: row.createdAt,
    bootstrap: row.bootstrap === 1,
    ...(row.enterprise ? { enterprise: row.enterprise } : {}),
    ...(row.region ? { region: row.region } : {}),
    ...(row.createdBy ? { createdBy: row.createdBy } : {}),
    ...(row.expiresAt ? { expiresAt: row.expiresAt } : {}),
    ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}),
  };
}

/** Machine tokens (ERP, scales, scanners, other platforms), kept as hashes with their scope and expiry. */
export function createTokenStore(db: Db, deps: { now: () => Date }) {
  return {
    /** Stores a token; the same secret twice is one token. Returns its id. */
    async add(token: string, info: NewApiToken): Promise<string> {
      const tokenId = tokenIdOf(token);
      await db
        .insertInto('apiToken')
        .values({
          tokenHash: hashSecret(token), tokenId, name: info.name, role: info.role, enterprise: info.enterprise ?? null, region: info.region ?? null,
          sectors: JSON.stringify(info.sectors), createdAt: deps.now().toISOString(), createdBy: info.createdBy ?? null, expiresAt: info.expiresAt ?? null,
          revokedAt: null, bootstrap: info.bootstrap ? 1 : 0,
        })
        .onConflict((oc) => oc.column('tokenHash').doNothing())
        .execute();
      return tokenId;
    },

    /** The token a secret belongs to, unless it is revoked or expired. */
    async find(token: string): Promise<ApiToken | undefined> {
      const row = await db.selectFrom('apiToken').selectAll().where('tokenHash', '=', hashSecret(token)).where('revokedAt', 'is', null).executeTakeFirst();
      if (!row || (row.expiresAt !== null && row.expiresAt <= deps.now().toISOString())) return undefined;
      return toApiToken(row);
    },

    async findById(tokenId: string): Promise<ApiToken | undefined> {
      const row = await db.selectFrom('apiToken').selectAll().where('tokenId', '=', tokenId).executeTakeFirst();
      return row ? toApiToken(row) : undefined;
    },

    /** Tokens, newest first: all of them, or one enterprise's. */
    async list(opts: { enterprise?: string } = {}): Promise<ApiToken[]> {
      let query = db.selectFrom('apiToken').selectAll();
      if (opts.enterprise !== undefined) query = query.where('enterprise', '=', opts.enterprise);
      const rows = await query.orderBy('createdAt', 'desc').orderBy('tokenId').execute();
      return rows.map(toApiToken);
    },

    /** Revokes a token; false when there is no such token or it was revoked before. */
    async revoke(tokenId: string): Promise<boolean> {
      const result = await db.updateTable('apiToken').set({ revokedAt: deps.now().toISOString() }).where('tokenId', '=', tokenId).where('revokedAt', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Revokes the bootstrap tokens; returns how many were active. */
    async revokeBootstrap(): Promise<number> {
      const result = await db.updateTable('apiToken').set({ revokedAt: deps.now().toISOString() }).where('bootstrap', '=', 1).where('revokedAt', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async countActiveBootstrap(): Promise<number> {
      const row = await db.selectFrom('apiToken').select((eb) => eb.fn.countAll<number>().as('n')).where('bootstrap', '=', 1).where('revokedAt', 'is', null).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
