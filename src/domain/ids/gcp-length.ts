/**
 * GS1 Company Prefix lengths by leading digits, longest prefix wins. A Digital Link carries no company-prefix split,
 * so turning one into an EPC URI needs this table (GS1 publishes the full one as the "GCP length table";
 * we ship none of it, hence this small subset and no network look-up).
 *
 * Based on:
 * - GS1 China (中国物品编码中心), GB 12904-2008 附录: prefixes 690 and 691 carry a 7-digit 厂商识别代码,
 *   692 and 693 an 8-digit one. 694-699 were opened later and are also allocated as 8-digit prefixes; we assume
 *   that for all of them (to be confirmed against GS1's GCP length table before relying on it for 694-699).
 * - The GS1 example and test prefixes in the EPCIS 2.0 / CBV 2.0 conformance data: each entry is the split that the
 *   EPC URIs in that data use for it (e.g. urn:epc:id:sgtin:0614141.107346.2017 gives 0614141 → 7).
 */
const TABLE: ReadonlyArray<readonly [prefix: string, length: number]> = [
  ['690', 7], ['691', 7],
  ['692', 8], ['693', 8], ['694', 8], ['695', 8], ['696', 8], ['697', 8], ['698', 8], ['699', 8],
  ['0012345', 7], ['0037000', 7], ['0353579', 7], ['0614141', 7], ['1234567', 7], ['4000001', 7],
  ['4012344', 7], ['4012345', 7], ['4023333', 7], ['4047023', 7], ['4054739', 7], ['5012345', 7],
  ['5200001', 7], ['9504141', 7], ['9520001', 7], ['9520999', 7], ['9524141', 7], ['9524567', 7],
  ['9524678', 7], ['9524987', 7], ['9529999', 7],
  ['952001', 6], ['95252084', 8], ['735005385', 9], ['952005385', 9],
  ['415056789012', 12], ['987659999999', 12], ['999999999999', 12],
];

/** Company prefix length assumed when the table has no entry: the most common allocation world-wide. */
export const DEFAULT_GCP_LENGTH = 7;

const BY_PREFIX = new Map<string, number>(TABLE);
// Only these prefix lengths are looked up, longest first.
const PREFIX_LENGTHS = [...new Set(TABLE.map(([prefix]) => prefix.length))].sort((a, b) => b - a);

/**
 * The company prefix length the table gives for a key that starts with its company prefix, or undefined.
 * @example findGcpLength('692123456789') // 8
 */
export function findGcpLength(digits: string): number | undefined {
  for (const n of PREFIX_LENGTHS) {
    if (n > digits.length) continue;
    const length = BY_PREFIX.get(digits.slice(0, n));
    if (length !== undefined) return length;
  }
  return undefined;
}

/**
 * The company prefix length for a key that starts with its company prefix; 7 when the prefix is unknown.
 * @example gcpLength('0614141073467') // 7
 */
export function gcpLength(digits: string): number {
  return findGcpLength(digits) ?? DEFAULT_GCP_LENGTH;
}
