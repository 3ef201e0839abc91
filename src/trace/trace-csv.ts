import { formatAmount, type TraceResult } from './trace-result.js';

const HEADER = ['event_time', 'time_zone', 'event_type', 'action', 'biz_step', 'disposition', 'units', 'quantities', 'via_containers', 'from', 'to', 'read_point', 'biz_location', 'documents', 'event_id'];

/**
 * The trace as a sortable spreadsheet, one row per event (the FDA FSMA 204 "sortable spreadsheet" idea):
 * time, step, unit, quantity and unit of measure, from, to, location and document numbers.
 */
export function traceToCsv(trace: TraceResult): string {
  const lines = [HEADER.join(',')];
  for (const e of trace.events) {
    lines.push([
      e.eventTime,
      e.eventTimeZoneOffset,
      e.eventType,
      e.action ?? '',
      e.bizStep ?? '',
      e.disposition ?? '',
      e.units.map((u) => u.id).join('; '),
      e.units.map(formatAmount).join('; '),
      e.via.join('; '),
      e.sources.map((s) => `${s.type}=${s.id}`).join('; '),
      e.destinations.map((d) => `${d.type}=${d.id}`).join('; '),
      e.readPoint ?? '',
      e.bizLocation ?? '',
      e.bizTransactions.map((t) => (t.type ? `${t.type}=${t.id}` : t.id)).join('; '),
      e.eventId,
    ].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

// RFC 4180 quoting; a cell that a spreadsheet would run as a formula gets a leading ' (signed numbers such as -06:00 stay).
function csvCell(value: string): string {
  const safe = /^(?:[=@\t\r]|[+-](?![\d.]))/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
