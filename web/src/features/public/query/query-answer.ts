import type { Text } from '../../../i18n';

/** What GET /t/{code} (and the GS1 Digital Link paths) answer to `accept: application/json`. */
export interface QueryAnswer {
  query: string;
  registered: boolean;
  unitId?: string;
  codeDisplay?: string;
  product?: { name: string; gtin?: string; sector?: string; sectorName?: Text };
  producer?: { uscc: string; name: string; region?: string; regionName?: string };
  origin?: { region: string; regionName: string };
  /** Oldest first. */
  stages: Stage[];
  certificates: Credential[];
  marks: Credential[];
  warnings: Warning[];
  /** The count includes the query that answered it. */
  scans: { count: number; firstAt?: string; firstRegion?: string; firstRegionName?: string };
  links: { linkset: string; report: string };
}

export interface Stage {
  eventId: string;
  time: string;
  name: Text;
  bizStep?: string;
  party?: { uscc: string; name: string };
  region?: string;
  regionName?: string;
  facts: Array<{ name: Text; value: string }>;
}

/** A certificate or mark; the number arrives as `value` (the server's shape for a named fact) or as `number`. */
export interface Credential {
  name: Text;
  number?: string;
  value?: string;
}

export interface Warning {
  kind: 'recall' | 'blacklist';
  title: Text;
  detail: string;
  since: string;
}
