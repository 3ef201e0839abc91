import type { Lang } from '../../i18n';

// Stages are recorded in China's time; a phone set to another zone would otherwise shift a farm's dates.
const ZONE = 'Asia/Shanghai';

/** A moment as a person reads it: `2026/3/5 08:30` in Chinese, `5 Mar 2026, 08:30` in English. */
export function formatTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

/** A day without its hour, for lists (recalls, the blacklist). */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: ZONE, year: 'numeric', month: 'long', day: 'numeric' });
}
