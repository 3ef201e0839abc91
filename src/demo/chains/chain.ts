import type { RecordInput } from '../../domain/sectors/record-input.js';

/**
 * A real-looking chain of one product class, as an enterprise would record it: the parties and products it
 * registers, then its stage records in time order. The demo loads it through the same recording path as the API.
 */
export interface DemoChain {
  sector: string;
  /** What the chain shows, Chinese first. */
  title: string;
  parties: Array<{ uscc: string; name: string; region: string; sectors: string[] }>;
  products: Array<{ party: string; code: string; name: string; catalogueEntry: string; gtin?: string }>;
  quotas?: Array<{ party: string; reference: string; sector: string; periodStart: string; periodEnd: string; quantity: number; unit: string }>;
  records: RecordInput[];
  /**
   * The unit a consumer or regulator would start from (what was sold or serviced last): the `unit`-th unit that the
   * `record`-th record names. Tracing it backward reaches the first record of the chain.
   */
  traceFrom: { record: number; unit: number };
}
