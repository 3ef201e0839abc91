import type { Text } from '../../../i18n';

export type ReportCategory = 'counterfeit' | 'quality' | 'label' | 'expired' | 'other';

export const REPORT_CATEGORIES: ReadonlyArray<{ value: ReportCategory; label: Text }> = [
  { value: 'counterfeit', label: { zh: '假冒伪劣', en: 'Counterfeit' } },
  { value: 'quality', label: { zh: '质量问题', en: 'Quality problem' } },
  { value: 'label', label: { zh: '标签不符', en: 'Label does not match' } },
  { value: 'expired', label: { zh: '过期变质', en: 'Expired or spoiled' } },
  { value: 'other', label: { zh: '其他', en: 'Other' } },
];

export function isReportCategory(value: string | null): value is ReportCategory {
  return REPORT_CATEGORIES.some((c) => c.value === value);
}

export type ReportStatus = 'received' | 'in_progress' | 'closed';

const REPORT_STATUSES: ReadonlyArray<{ value: ReportStatus; label: Text; color: string }> = [
  { value: 'received', label: { zh: '已受理', en: 'Received' }, color: 'blue' },
  { value: 'in_progress', label: { zh: '处理中', en: 'In progress' }, color: 'orange' },
  { value: 'closed', label: { zh: '已办结', en: 'Closed' }, color: 'green' },
];

/** How a status reads; a status this page does not know yet is shown as the server sent it. */
export function reportStatusOf(status: string): { label: Text; color?: string } {
  return REPORT_STATUSES.find((s) => s.value === status) ?? { label: { zh: status, en: status } };
}

export function reportCategoryOf(category: string): Text {
  return REPORT_CATEGORIES.find((c) => c.value === category)?.label ?? { zh: category, en: category };
}
