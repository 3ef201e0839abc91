import type { Transaction } from 'kysely';
import type { Sight } from '../domain/access/sight.js';
import { codeWriterOf, writeLockOf, type Db } from './db.js';
import { precompiled } from './precompiled.js';
import type { Database } from './schema.js';
import { visibleCodeIssues } from './visible-events.js';

/** A trace code the platform issued, and the unit it stands for. */
export interface IssuedCode {
  code: string;
  unitId: string;
  lotId?: string;
  product?: string;
  issueId: string;
  issuedAt: string;
}

/** What every code of one issue shares. */
export interface CodeIssue {
  issueId: string;
  issuedAt: string;
  lotId?: string;
  product?: string;
}

/** One issue as a whole: what its codes share, and how many there are. */
export interface CodeIssueSummary extends CodeIssue {
  count: number;
}

/** A new issue: what its codes share, the start of their unit ids (each is that prefix and the code), and who issued it. */
export interface NewCodeIssue extends CodeIssue {
  unitIdPrefix: string;
  /** USCC of the enterprise that issued it; absent for the platform's own. */
  issuedBy?: string;
}

/** Appends the codes of one issue, in the order given, inside a transaction; a code already stored makes it throw. */
export interface CodeWriter {
  insert(tx: Transaction<Database>, issue: NewCodeIssue, codes: readonly string[]): Promise<void>;
}

type TraceCodeRow = Database['traceCode'];

function toIssuedCode(row: TraceCodeRow): IssuedCode {
  const found: IssuedCode = { code: row.code, unitId: row.unitId, issueId: row.issueId, issuedAt: row.issuedAt };
  if (row.lotId) found.lotId = row.lotId;
  if (row.product) found.product = row.product;
  return found;
}

/** The trace codes the platform issued, stored an issue at a time. */
export function createCodeStore(db: Db) {
  const writer = codeWriterOf(db);
  const lock = writeLockOf(db);
  const byCode = precompiled(db, (code: string) => db.selectFrom('traceCode').selectAll().where('code', '=', code), 1);
  return {
    /**
     * Stores a whole issue at once, or nothing; a collision with an existing code fails the issue rather than reusing it.
     * @example await codes.addIssue({ issueId, issuedAt, product: '海南芒果', unitIdPrefix: 'urn:zhuisu:code:' }, ['0000007JKN37GBTHHFG3'])
     */
    async addIssue(issue: NewCodeIssue, codes: readonly string[]): Promise<void> {
      await lock.run(() => db.transaction().execute(async (tx) => {
        await tx.insertInto('codeIssue').values({ issueId: issue.issueId, issuedBy: issue.issuedBy ?? null, issuedAt: issue.issuedAt }).execute();
        await writer.insert(tx, issue, codes);
      }));
    },

    async find(code: string): Promise<IssuedCode | undefined> {
      const [row] = await byCode(code);
      return row && toIssuedCode(row);
    },

    /** An issue's shared fields and size, or undefined when no code was issued under that id or `sight` may not read it. */
    async findIssue(issueId: string, sight: Sight): Promise<CodeIssueSummary | undefined> {
      if (sight.kind !== 'all') {
        const own = await db.selectFrom('codeIssue').select('issueId').where('issueId', '=', issueId).where(visibleCodeIssues(sight)).executeTakeFirst();
        if (!own) return undefined;
      }
      const first = await db.selectFrom('traceCode').selectAll().where('issueId', '=', issueId).limit(1).executeTakeFirst();
      if (!first) return undefined;
      const { count } = await db.selectFrom('traceCode').select((eb) => eb.fn.countAll<number>().as('count'))
        .where('issueId', '=', issueId).executeTakeFirstOrThrow();
      const summary: CodeIssueSummary = { issueId, issuedAt: first.issuedAt, count };
      if (first.lotId) summary.lotId = first.lotId;
      if (first.product) summary.product = first.product;
      return summary;
    },

    /** The issues `sight` may print labels of, newest first, with their size. */
    async listIssues(sight: Sight, page: { limit: number; offset: number }): Promise<CodeIssueSummary[]> {
      const rows = await db.selectFrom('codeIssue').innerJoin('traceCode', 'traceCode.issueId', 'codeIssue.issueId')
        .select((eb) => ['codeIssue.issueId', 'codeIssue.issuedAt', eb.fn.countAll<number>().as('count'), eb.fn.min('traceCode.lotId').as('lotId'), eb.fn.min('traceCode.product').as('product')])
        .where(visibleCodeIssues(sight)).groupBy(['codeIssue.issueId', 'codeIssue.issuedAt'])
        .orderBy('codeIssue.issuedAt', 'desc').orderBy('codeIssue.issueId').limit(page.limit).offset(page.offset).execute();
      return rows.map((r) => ({
        issueId: r.issueId, issuedAt: r.issuedAt, count: Number(r.count), ...(r.lotId ? { lotId: r.lotId } : {}), ...(r.product ? { product: r.product } : {}),
      }));
    },

    /**
     * The codes of one issue in code order, which is the order in which they were issued and are printed.
     * `after` continues from a code (faster than a large offset); `offset` skips that many codes.
     */
    async listByIssue(issueId: string, page: { limit: number; offset?: number; after?: string }): Promise<IssuedCode[]> {
      let query = db.selectFrom('traceCode').selectAll().where('issueId', '=', issueId);
      if (page.after !== undefined) query = query.where('code', '>', page.after);
      const rows = await query.orderBy('code').limit(page.limit).offset(page.offset ?? 0).execute();
      return rows.map(toIssuedCode);
    },
  };
}

export type CodeStore = ReturnType<typeof createCodeStore>;
