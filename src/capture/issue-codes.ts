import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import { issueTraceCode, traceCodeUri } from '../domain/ids/trace-code.js';
import { parseUnitId } from '../domain/ids/unit-id.js';
import type { CodeStore, IssuedCode } from '../store/code-store.js';

export const MAX_CODES_PER_ISSUE = 100_000;

/** Issues the platform's own trace codes (追溯码) for enterprises without GS1 numbers. */
export function createCodeIssuer(deps: { codes: CodeStore; nodeCode: string; randomBytes: (n: number) => Uint8Array; now: () => Date; newIssueId?: () => string }) {
  return {
    /** N item codes, each standing for one unit; when a lot is named, each item belongs to it and carries its history. */
    async issue(request: { count: number; lot?: string; product?: string }): Promise<{ issueId: string; issuedAt: string; codes: IssuedCode[] }> {
      if (!Number.isInteger(request.count) || request.count < 1 || request.count > MAX_CODES_PER_ISSUE) {
        throw new DomainError('invalid_request', `count must be a whole number from 1 to ${MAX_CODES_PER_ISSUE}`, { field: 'count' });
      }
      const lotId = request.lot === undefined ? undefined : parseUnitId(request.lot).canonical;
      const issueId = (deps.newIssueId ?? randomUUID)();
      const issuedAt = deps.now().toISOString();
      const seen = new Set<string>();
      const codes: IssuedCode[] = [];
      while (codes.length < request.count) {
        const code = issueTraceCode(deps.nodeCode, deps.randomBytes);
        if (seen.has(code)) continue;
        seen.add(code);
        const issued: IssuedCode = { code, unitId: traceCodeUri(code), issueId, issuedAt };
        if (lotId) issued.lotId = lotId;
        if (request.product) issued.product = request.product;
        codes.push(issued);
      }
      await deps.codes.addAll(codes);
      return { issueId, issuedAt, codes };
    },
  };
}

export type CodeIssuer = ReturnType<typeof createCodeIssuer>;
