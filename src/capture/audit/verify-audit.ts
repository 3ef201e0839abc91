import { chainHash, GENESIS_HASH, isAuditAlgorithm, type LedgerCoverage } from '../../domain/audit/chain-hash.js';
import { createLedgerDigest, type LedgerDigest } from '../../domain/audit/ledger-digest.js';
import { eventContentHash } from '../../domain/event-hash.js';
import { boundedMemo } from '../../domain/bounded-memo.js';
import { isObject } from '../../domain/event.js';
import type { AuditStore, CoverCursor, LedgerDeclarationRow, LedgerEventRow, StoredAuditEntry } from '../../store/audit-store.js';

/** What is wrong where verification stopped trusting the log. */
export type AuditProblem =
  | 'missing_entry'
  | 'broken_link'
  | 'altered_entry'
  | 'altered_events'
  | 'altered_event_row'
  | 'altered_declarations'
  | 'uncovered_event'
  | 'uncovered_declaration';

/** The first broken entry (`seq`), or a row of the ledger that no entry covers (`seq` absent). */
export interface AuditBreak {
  seq?: number;
  eventSeq?: number;
  declarationSeq?: number;
  problem: AuditProblem;
  zh: string;
  en: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries, events and error declarations read. */
  entries: number;
  events: number;
  declarations: number;
  head?: { seq: number; hash: string; algorithm: string; at: string };
  broken?: AuditBreak;
}

const PAGE_SIZE = 1000;

/**
 * Re-computes the audit log: every entry's chain hash in seq order, with no seq missing, and for each capture or
 * import the digest of the events and declarations it stored, from the rows as they are now. Every event and
 * declaration must be covered by an entry. Reports the first broken entry, in Chinese and English.
 */
export async function verifyAudit(deps: { audit: AuditStore }, opts: { pageSize?: number } = {}): Promise<AuditVerification> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const found = firstBreak();
  const chain = await checkChain(deps.audit, pageSize, found.report);
  const events = await checkCoverage(deps.audit, pageSize, EVENTS, found.report);
  const declarations = await checkCoverage(deps.audit, pageSize, DECLARATIONS, found.report);
  const head = await deps.audit.head();
  const result: AuditVerification = { ok: found.first === undefined, entries: chain.entries, events, declarations };
  if (head) result.head = { seq: head.seq, hash: head.hash, algorithm: head.algorithm, at: head.at };
  if (found.first) result.broken = found.first.broken;
  return result;
}

// Breaks are ranked by the entry they are in (rows no entry covers come last), then chain before events before
// declarations, then by row: whatever order the checks find them in, the first is reported.
function firstBreak() {
  const state: { first?: { key: number[]; broken: AuditBreak } } = {};
  return {
    get first() {
      return state.first;
    },
    report(broken: AuditBreak, rank: number): void {
      const key = [broken.seq ?? Number.POSITIVE_INFINITY, rank, broken.eventSeq ?? broken.declarationSeq ?? 0];
      if (!state.first || isBefore(key, state.first.key)) state.first = { key, broken };
    },
  };
}

function isBefore(a: number[], b: number[]): boolean {
  const i = a.findIndex((value, j) => value !== b[j]);
  return i >= 0 && (a[i] ?? 0) < (b[i] ?? 0);
}

type Report = (broken: AuditBreak, rank: number) => void;

async function checkChain(audit: AuditStore, pageSize: number, report: Report): Promise<{ entries: number }> {
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (let after = 0; ;) {
    const page = await audit.page(after, pageSize);
    for (const entry of page) {
      entries++;
      const broken = chainProblem(entry, expected, prevHash);
      if (broken) {
        report(broken, 0);
        return { entries };
      }
      prevHash = entry.hash;
      expected++;
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) return { entries };
    after = last.seq;
  }
}

function chainProblem(entry: StoredAuditEntry, expected: number, prevHash: string): AuditBreak | undefined {
  const { seq } = entry;
  if (seq !== expected) {
    return { seq: expected, problem: 'missing_entry', zh: `第${expected}条审计记录缺失（其后为第${seq}条）`, en: `entry ${expected} is missing (the next one is ${seq})` };
  }
  if (entry.prevHash !== prevHash) {
    return {
      seq, problem: 'broken_link',
      zh: `第${seq}条记录所记的前一哈希不是第${seq - 1}条的哈希（其中一条被改动）`,
      en: `entry ${seq} does not link to entry ${seq - 1}: its prev_hash is not that entry's hash (one of them was altered)`,
    };
  }
  if (!isAuditAlgorithm(entry.algorithm)) {
    return { seq, problem: 'altered_entry', zh: `第${seq}条记录的哈希算法“${entry.algorithm}”无效`, en: `entry ${seq} names an unknown hash algorithm "${entry.algorithm}"` };
  }
  if (chainHash(prevHash, { ...entry, algorithm: entry.algorithm }) !== entry.hash) {
    return { seq, problem: 'altered_entry', zh: `第${seq}条记录的内容与其哈希不符，已被改动`, en: `entry ${seq} does not match its hash: it was altered` };
  }
  return undefined;
}

/** What one ledger table needs for its rows to be checked against the entries that cover them. */
interface Ledger<Row extends { seq: number; captureId: string }> {
  rank: number;
  coverage(entry: StoredAuditEntry): LedgerCoverage | undefined;
  page(audit: AuditStore, afterSeq: number, limit: number): Promise<Row[]>;
  entries(audit: AuditStore, after: CoverCursor | undefined, limit: number): Promise<StoredAuditEntry[]>;
  /** Adds a row to its entry's digest, or says what is wrong with it. */
  add(digest: LedgerDigest, row: Row, entry: StoredAuditEntry): AuditBreak | undefined;
  altered(entry: StoredAuditEntry, coverage: LedgerCoverage, found: number): AuditBreak;
  uncovered(row: Row): AuditBreak;
}

const namespacesOf = boundedMemo((text: string): Record<string, string> => JSON.parse(text), 256);
const recordTimeOf = boundedMemo((details: string): unknown => {
  try {
    const parsed: unknown = JSON.parse(details);
    return isObject(parsed) ? parsed.recordTime : undefined;
  } catch {
    return undefined;
  }
}, 16);

const EVENTS: Ledger<LedgerEventRow> = {
  rank: 1,
  coverage: (entry) => entry.events,
  page: (audit, afterSeq, limit) => audit.eventPage(afterSeq, limit),
  entries: (audit, after, limit) => audit.coveringPage('event', after, limit),
  add(digest, row, entry) {
    let body: unknown;
    try {
      body = JSON.parse(row.body);
    } catch {
      body = undefined;
    }
    const rowBroken = (zh: string, en: string): AuditBreak => ({ seq: entry.seq, eventSeq: row.seq, problem: 'altered_event_row', zh: `事件 seq ${row.seq}：${zh}`, en: `event ${row.seq}: ${en}` });
    if (!isObject(body)) return rowBroken('内容不是 JSON 对象', 'its body is not a JSON object');
    if (body.eventID !== row.eventId) return rowBroken('event_id 列与内容中的 eventID 不同', 'its event_id column differs from the eventID in its body');
    if (body.recordTime !== row.recordTime || row.recordTime !== recordTimeOf(entry.details)) {
      return rowBroken(`记录时间与第${entry.seq}条审计记录不符`, `its recordTime differs from that of entry ${entry.seq}`);
    }
    digest.addEvent(row.eventId, eventContentHash(body, namespacesOf(row.namespaces)));
    return undefined;
  },
  altered: (entry, coverage, found) => ({
    seq: entry.seq, problem: 'altered_events',
    zh: `第${entry.seq}条记录（${entry.action} ${entry.subject}）的事件与其摘要不符：记录${coverage.count}个，现有${found}个${found === coverage.count ? '，内容或顺序已被改动' : ''}`,
    en: `the events of entry ${entry.seq} (${entry.action} ${entry.subject}) do not match its digest: it recorded ${coverage.count}, the ledger holds ${found}${found === coverage.count ? ', altered or reordered' : ''}`,
  }),
  uncovered: (row) => ({
    eventSeq: row.seq, problem: 'uncovered_event',
    zh: `事件 seq ${row.seq}（${row.eventId}）不在任何审计记录之内，是在平台之外写入的`,
    en: `event ${row.seq} (${row.eventId}) is covered by no audit entry: it was written outside the platform`,
  }),
};

const DECLARATIONS: Ledger<LedgerDeclarationRow> = {
  rank: 2,
  coverage: (entry) => entry.declarations,
  page: (audit, afterSeq, limit) => audit.declarationPage(afterSeq, limit),
  entries: (audit, after, limit) => audit.coveringPage('declaration', after, limit),
  add(digest, row) {
    digest.addDeclaration(row);
    return undefined;
  },
  altered: (entry, coverage, found) => ({
    seq: entry.seq, problem: 'altered_declarations',
    zh: `第${entry.seq}条记录（${entry.action} ${entry.subject}）的错误声明与其摘要不符：记录${coverage.count}条，现有${found}条`,
    en: `the error declarations of entry ${entry.seq} (${entry.action} ${entry.subject}) do not match its digest: it recorded ${coverage.count}, the ledger holds ${found}`,
  }),
  uncovered: (row) => ({
    declarationSeq: row.seq, problem: 'uncovered_declaration',
    zh: `错误声明 seq ${row.seq}（事件 ${row.eventId}）不在任何审计记录之内`,
    en: `error declaration ${row.seq} (of event ${row.eventId}) is covered by no audit entry`,
  }),
};

interface OpenEntry {
  entry: StoredAuditEntry;
  coverage: LedgerCoverage;
  digest: LedgerDigest | undefined;
  seen: number;
  broken: boolean;
}

/**
 * Walks a ledger table in seq order beside the entries that cover it, in the order of their first row: each row
 * must lie in the range of the entry of its capture, and each entry's rows must give its digest. Concurrent
 * captures on PostgreSQL may interleave their rows, so several entries can be open at once.
 */
async function checkCoverage<Row extends { seq: number; captureId: string }>(audit: AuditStore, pageSize: number, ledger: Ledger<Row>, report: Report): Promise<number> {
  const rows = pager<Row>((last) => ledger.page(audit, last?.seq ?? 0, pageSize), pageSize);
  const entries = pager<StoredAuditEntry>((last) => ledger.entries(audit, last && { firstSeq: ledger.coverage(last)?.firstSeq ?? 0, seq: last.seq }, pageSize), pageSize);
  const open = new Map<string, OpenEntry>();
  let nextClose = Number.POSITIVE_INFINITY;
  let count = 0;

  const close = (state: OpenEntry) => {
    open.delete(state.entry.subject);
    if (state.broken) return;
    if (!state.digest || state.seen !== state.coverage.count || state.digest.digest() !== state.coverage.digest) {
      report(ledger.altered(state.entry, state.coverage, state.seen), ledger.rank);
    }
  };
  const closeBefore = (seq: number) => {
    if (seq <= nextClose) return;
    nextClose = Number.POSITIVE_INFINITY;
    for (const state of [...open.values()]) {
      if (state.coverage.lastSeq < seq) close(state);
      else nextClose = Math.min(nextClose, state.coverage.lastSeq);
    }
  };

  for (;;) {
    const row = await rows.peek();
    for (let entry = await entries.peek(); entry; entry = await entries.peek()) {
      const coverage = ledger.coverage(entry);
      if (!coverage || (row && coverage.firstSeq > row.seq)) break;
      entries.advance();
      const twin = open.get(entry.subject);
      if (twin) {
        // Two entries claim one capture: the later one cannot be right.
        report(ledger.altered(entry, coverage, 0), ledger.rank);
        continue;
      }
      const digest = isAuditAlgorithm(entry.algorithm) ? createLedgerDigest(entry.algorithm) : undefined;
      open.set(entry.subject, { entry, coverage, digest, seen: 0, broken: false });
      nextClose = Math.min(nextClose, coverage.lastSeq);
    }
    closeBefore(row ? row.seq : Number.POSITIVE_INFINITY);
    if (!row) return count;
    rows.advance();
    count++;
    const state = open.get(row.captureId);
    if (!state) {
      report(ledger.uncovered(row), ledger.rank);
      continue;
    }
    state.seen++;
    if (state.broken || !state.digest) continue;
    const broken = ledger.add(state.digest, row, state.entry);
    if (broken) {
      state.broken = true;
      report(broken, ledger.rank);
    }
  }
}

/** Reads a sequence a page at a time, one item at a look. */
function pager<T>(fetch: (last: T | undefined) => Promise<T[]>, pageSize: number) {
  let page: T[] = [];
  let index = 0;
  let done = false;
  return {
    async peek(): Promise<T | undefined> {
      if (index < page.length) return page[index];
      if (done) return undefined;
      const last = page.at(-1);
      page = await fetch(last);
      index = 0;
      done = page.length < pageSize;
      return page[0];
    },
    advance(): void {
      index++;
    },
  };
}
