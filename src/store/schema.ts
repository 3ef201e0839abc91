import type { Generated } from 'kysely';

/** Table types as Kysely sees them (camelCase; the columns are snake_case, converted by CamelCasePlugin). */
export interface Database {
  event: EventTable;
  eventEpc: EventEpcTable;
  eventParty: EventPartyTable;
  eventErrorDeclaration: EventErrorDeclarationTable;
  captureJob: CaptureJobTable;
  traceCode: TraceCodeTable;
  codeIssue: CodeIssueTable;
  apiToken: ApiTokenTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  party: PartyTable;
  catalogueEntry: CatalogueEntryTable;
  catalogueVersion: CatalogueVersionTable;
  product: ProductTable;
  sectorRecord: SectorRecordTable;
  unitClaim: UnitClaimTable;
  quota: QuotaTable;
  alert: AlertTable;
  sectorProfile: SectorProfileTable;
  auditLog: AuditLogTable;
  inspectionRequest: InspectionRequestTable;
  scanLog: ScanLogTable;
  scanSummary: ScanSummaryTable;
  consumerReport: ConsumerReportTable;
  recall: RecallTable;
  consumerAlert: ConsumerAlertTable;
  blacklistEntry: BlacklistEntryTable;
  partySite: PartySiteTable;
  rateWindow: RateWindowTable;
}

export interface EventTable {
  seq: Generated<number>;
  eventId: string;
  /** A 52-bit number derived from eventId (`eventKeyOf`), indexed: look events up by both. */
  eventKey: number;
  eventType: string;
  /** UTC, ISO 8601 with milliseconds, so that text order is time order on both databases. */
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  transformationId: string | null;
  /** JSON `[epc, role, isClass, quantity, uom][]`: the event's rows of event_epc, read back with the event by seq. */
  identifiers: string;
  /** JSON `[direction, type, party][]`: the canonical sourceList and destinationList entries. */
  parties: string;
  /** The event as captured, JSON, with eventID and recordTime filled in. */
  body: string;
  /** JSON object: the JSON-LD prefixes that the event's extension fields use. */
  namespaces: string;
  captureId: string;
  /** USCC of the enterprise that recorded the event (domain/access/event-scope.ts). */
  recorder: string | null;
  /** GB/T 2260 code of where it happened. */
  region: string | null;
  sector: string | null;
}

/** Each enterprise an event names (recorder, source, destination, counterpart): what an enterprise may see. */
export interface EventPartyTable {
  party: string;
  eventSeq: number;
}

/** One row per identifier an event names, whatever field it sits in. */
export interface EventEpcTable {
  epc: string;
  eventTime: string;
  eventSeq: number;
  /** Position among the event's identifiers, so that a class listed twice in one event keeps both rows. */
  ordinal: number;
  /** object (epcList/quantityList), parent, child, input or output. */
  role: string;
  /** 1 when the identifier is a class (quantity element), 0 for an instance. */
  isClass: number;
  quantity: number | null;
  uom: string | null;
}

export interface EventErrorDeclarationTable {
  seq: Generated<number>;
  eventId: string;
  declarationTime: string;
  reason: string | null;
  /** JSON: the errorDeclaration object as captured. */
  body: string;
  recordTime: string;
  captureId: string;
}

export interface CaptureJobTable {
  captureId: string;
  createdAt: string;
  finishedAt: string | null;
  status: string;
  eventCount: number;
  storedCount: number;
  /** JSON array of problems, empty when the capture succeeded. */
  errors: string;
  /** USCC of the enterprise that sent the capture; null for the platform's own. */
  capturedBy: string | null;
}

export interface TraceCodeTable {
  code: string;
  unitId: string;
  lotId: string | null;
  product: string | null;
  issueId: string;
  issuedAt: string;
}

/** One issue of trace codes and the enterprise that issued it (null: the platform). */
export interface CodeIssueTable {
  issueId: string;
  issuedBy: string | null;
  issuedAt: string;
}

export interface ApiTokenTable {
  tokenHash: string;
  tokenId: string;
  name: string;
  role: string;
  enterprise: string | null;
  region: string | null;
  /** JSON array of sector ids; empty: every sector. */
  sectors: string;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /** 1 for the token of the first start (or ZHUISU_ADMIN_TOKEN), which can be turned off. */
  bootstrap: number;
}

export interface AppUserTable {
  userId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  enterprise: string | null;
  region: string | null;
  sectors: string;
  createdAt: string;
  createdBy: string;
  passwordChangedAt: string;
  disabledAt: string | null;
}

export interface UserSessionTable {
  sessionHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  address: string;
}

export interface PartyTable {
  uscc: string;
  name: string;
  region: string;
  site: string;
  /** JSON array of sector ids. */
  sectors: string;
  /** 1 when an administrator accepted a legacy code whose check character fails. */
  checkOverridden: number;
  registeredAt: string;
}

export interface CatalogueEntryTable {
  id: string;
  /** `national`, or the GB/T 2260 code of the region whose local catalogue holds the entry. */
  scope: string;
  sector: string;
  productKind: string;
  nameZh: string;
  nameEn: string;
  /** `key` (重点) or `encouraged` (鼓励). */
  list: string;
  /** For a local entry: the national entry it refines. */
  compatibleWith: string | null;
  addedIn: number;
  retiredIn: number | null;
}

export interface CatalogueVersionTable {
  version: number;
  changedAt: string;
  change: string;
}

export interface ProductTable {
  productId: string;
  party: string;
  code: string;
  name: string;
  gtin: string | null;
  catalogueEntry: string;
  sector: string;
  registeredAt: string;
}

export interface SectorRecordTable {
  recordId: string;
  sector: string;
  stage: string;
  profileVersion: number;
  party: string;
  counterpart: string | null;
  productId: string | null;
  region: string;
  /** UTC ISO 8601 with milliseconds, as in the event table. */
  eventTime: string;
  eventId: string;
  quantity: number | null;
  uom: string | null;
  recordedAt: string;
}

export interface UnitClaimTable {
  unitId: string;
  claim: string;
  recordId: string;
}

export interface QuotaTable {
  party: string;
  reference: string;
  sector: string;
  periodStart: string;
  periodEnd: string;
  quantity: number;
  uom: string;
  registeredAt: string;
}

export interface AlertTable {
  alertId: string;
  rule: string;
  sector: string;
  party: string | null;
  unitId: string | null;
  recordId: string | null;
  message: string;
  /** JSON object. */
  details: string;
  raisedAt: string;
  status: string;
}

export interface SectorProfileTable {
  id: string;
  version: number;
  /** The profile as JSON. */
  body: string;
  registeredAt: string;
}

/** The hash-chained audit log: who did what, each entry chained to the one before (docs/audit.md). */
export interface AuditLogTable {
  seq: number;
  at: string;
  actorType: string;
  actorId: string;
  actorName: string | null;
  enterprise: string | null;
  address: string | null;
  action: string;
  subject: string;
  /** JSON text, hashed as stored. */
  details: string;
  /** sm3 or sha256: the hash function of this entry's chain hash and digests. */
  algorithm: string;
  /** The events a capture or import stored: the seq range, their count and digest; null for other entries. */
  eventFirstSeq: number | null;
  eventLastSeq: number | null;
  eventCount: number | null;
  eventDigest: string | null;
  /** The same for the error declarations it stored. */
  declarationFirstSeq: number | null;
  declarationLastSeq: number | null;
  declarationCount: number | null;
  declarationDigest: string | null;
  prevHash: string;
  hash: string;
}

/** A request that an inspection body inspect one unit at one inspection stage, and the record that answered it. */
export interface InspectionRequestTable {
  requestId: string;
  /** USCC of the inspection body asked. */
  inspector: string;
  unitId: string;
  sector: string;
  stage: string;
  /** The user or token id that asked. */
  requestedBy: string;
  /** USCC of the enterprise that asked; null for a regulator or the platform. */
  requestedFor: string | null;
  requestedAt: string;
  note: string | null;
  recordId: string | null;
  answeredAt: string | null;
}

export interface ScanLogTable {
  seq: Generated<number>;
  /** The canonical unit id of a registered code, else the code as it was asked. */
  unitKey: string;
  registered: number;
  scannedAt: string;
  /** GB/T 2260 code the client gave, at most a city; never an address or coordinates. */
  clientRegion: string | null;
  /** wechat, alipay, mobile, desktop, bot or other: what kind of client asked, not which one. */
  clientClass: string;
}

export interface ScanSummaryTable {
  unitKey: string;
  registered: number;
  scanCount: number;
  firstAt: string;
  firstRegion: string | null;
  lastAt: string;
  regions: string;
}

export interface ConsumerReportTable {
  trackingNumber: string;
  code: string;
  unitId: string | null;
  /** USCC of the enterprise responsible for the unit (its producer), when the code is registered. */
  party: string | null;
  region: string | null;
  sector: string | null;
  category: string;
  description: string;
  contact: string | null;
  photoType: string | null;
  /** Base64 of the photo, so that both databases store it as text. */
  photo: string | null;
  status: string;
  answer: string | null;
  createdAt: string;
}

export interface RecallTable {
  recallId: string;
  /** The lot, item or product class recalled; null for every unit of the product. */
  unitId: string | null;
  product: string;
  party: string;
  reason: string;
  level: string | null;
  region: string | null;
  sector: string | null;
  startedAt: string;
  endedAt: string | null;
}

export interface ConsumerAlertTable {
  alertId: string;
  title: string;
  body: string;
  region: string | null;
  sector: string | null;
  publishedAt: string;
  withdrawnAt: string | null;
}

export interface BlacklistEntryTable {
  uscc: string;
  listedAt: string;
  name: string;
  reason: string;
  region: string | null;
  until: string | null;
  removedAt: string | null;
}

export interface PartySiteTable {
  site: string;
  party: string;
  name: string;
  region: string;
  registeredAt: string;
}

/** One fixed window of a rate limit: how many hits since it started, and when it ends. */
export interface RateWindowTable {
  key: string;
  hits: number;
  startedAt: string;
  endsAt: string;
}
