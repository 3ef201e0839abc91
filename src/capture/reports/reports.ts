import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import type { ConsumerReport, ReportStore } from '../../store/report-store.js';

export const REPORT_CATEGORIES = ['counterfeit', 'quality', 'label', 'expired', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

const PHOTO_TYPES: ReadonlyArray<{ type: string; magic: number[] }> = [
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { type: 'image/webp', magic: [0x52, 0x49, 0x46, 0x46] },
];
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
// Crockford's base32 without I, L, O, U: a number read out over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Who answers for the unit a code stands for, when the code is registered. */
export interface Responsibility {
  unitId?: string;
  party?: string;
  region?: string;
  sector?: string;
}

export interface ReportInput {
  code: string;
  category: ReportCategory;
  description: string;
  contact?: string;
  /** A data URL: data:image/jpeg;base64,… */
  photo?: string;
}

/** Reports (投诉举报) from the public query page: stored against the code and the enterprise responsible, answered with a tracking number. */
export function createReports(deps: { store: ReportStore; responsibleFor: (code: string) => Promise<Responsibility>; now: () => Date }) {
  return {
    async submit(input: ReportInput): Promise<ConsumerReport> {
      const description = input.description.trim();
      if (description.length === 0) throw new DomainError('invalid_request', '请描述问题 / description: say what is wrong', { field: 'description' });
      const createdAt = deps.now().toISOString();
      const report: ConsumerReport = {
        trackingNumber: trackingNumber(createdAt), code: input.code.trim(), category: input.category, description, status: 'received', createdAt,
        ...(await deps.responsibleFor(input.code.trim())),
      };
      const contact = input.contact?.trim();
      if (contact) report.contact = contact;
      if (input.photo) report.photo = readPhoto(input.photo);
      await deps.store.add(report);
      return report;
    },
  };
}

export type Reports = ReturnType<typeof createReports>;

/** `TS20261123-7KQ4M2XH`: the day it was made and 40 random bits, so that numbers cannot be guessed one from another. */
function trackingNumber(createdAt: string): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix = ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)] + suffix;
  return `TS${createdAt.slice(0, 10).replaceAll('-', '')}-${suffix}`;
}

function readPhoto(dataUrl: string): { type: string; base64: string } {
  const match = /^data:(image\/[a-z]+);base64,([A-Za-z0-9+/]+=*)$/.exec(dataUrl);
  if (!match?.[1] || !match[2]) throw new DomainError('invalid_request', '照片须为 JPEG、PNG 或 WebP 图片 / photo: must be a JPEG, PNG or WebP image (data URL)', { field: 'photo' });
  const bytes = Buffer.from(match[2], 'base64');
  if (bytes.length > MAX_PHOTO_BYTES) throw new DomainError('invalid_request', `照片不得超过 2 MB / photo: at most 2 MB, got ${(bytes.length / 1048576).toFixed(1)} MB`, { field: 'photo' });
  const kind = PHOTO_TYPES.find((t) => t.magic.every((b, i) => bytes[i] === b));
  if (!kind) throw new DomainError('invalid_request', '照片内容不是 JPEG、PNG 或 WebP 图片 / photo: the content is not a JPEG, PNG or WebP image', { field: 'photo' });
  return { type: kind.type, base64: match[2] };
}
