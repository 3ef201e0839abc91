import type { Sight } from '../domain/access/sight.js';
import type { Db } from './db.js';
import type { Database } from './schema.js';

/** A consumer's report (投诉举报) about a coded product. */
export interface ConsumerReport {
  trackingNumber: string;
  code: string;
  unitId?: string;
  /** USCC of the enterprise responsible (the producer of the story), when the code is registered. */
  party?: string;
  region?: string;
  sector?: string;
  category: string;
  description: string;
  contact?: string;
  photo?: { type: string; base64: string };
  status: 'received' | 'in_progress' | 'closed';
  answer?: string;
  createdAt: string;
}

type Row = Database['consumerReport'];

function toReport(row: Row): ConsumerReport {
  const report: ConsumerReport = {
    trackingNumber: row.trackingNumber, code: row.code, category: row.category, description: row.description,
    status: row.status === 'closed' ? 'closed' : row.status === 'in_progress' ? 'in_progress' : 'received', createdAt: row.createdAt,
  };
  if (row.unitId) report.unitId = row.unitId;
  if (row.party) report.party = row.party;
  if (row.region) report.region = row.region;
  if (row.sector) report.sector = row.sector;
  if (row.contact) report.contact = row.contact;
  if (row.photo && row.photoType) report.photo = { type: row.photoType, base64: row.photo };
  if (row.answer) report.answer = row.answer;
  return report;
}

export function createReportStore(db: Db) {
  return {
    async add(report: ConsumerReport): Promise<void> {
      await db.insertInto('consumerReport').values({
        trackingNumber: report.trackingNumber, code: report.code, unitId: report.unitId ?? null, party: report.party ?? null, region: report.region ?? null,
        sector: report.sector ?? null, category: report.category, description: report.description, contact: report.contact ?? null,
        photoType: report.photo?.type ?? null, photo: report.photo?.base64 ?? null, status: report.status, answer: report.answer ?? null, createdAt: report.createdAt,
      }).execute();
    },

    async find(trackingNumber: string): Promise<ConsumerReport | undefined> {
      const row = await db.selectFrom('consumerReport').selectAll().where('trackingNumber', '=', trackingNumber).executeTakeFirst();
      return row && toReport(row);
    },

    /** Reports `sight` may read, newest first: an enterprise those about its products, a regulator those of its region and sectors. */
    async list(sight: Sight, page: { limit: number; offset: number }): Promise<ConsumerReport[]> {
      let query = db.selectFrom('consumerReport').selectAll();
      if (sight.kind === 'enterprise') query = query.where('party', '=', sight.uscc);
      else if (sight.kind === 'public') return [];
      else if (sight.kind === 'jurisdiction') {
        query = query.where('region', 'like', `${sight.regionPrefix}%`);
        if (sight.sectors.length > 0) query = query.where('sector', 'in', [...sight.sectors]);
      }
      const rows = await query.orderBy('createdAt', 'desc').orderBy('trackingNumber').limit(page.limit).offset(page.offset).execute();
      return rows.map(toReport);
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
