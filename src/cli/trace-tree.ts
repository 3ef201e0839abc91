import { formatAmount, type TraceEvent, type TraceResult } from '../trace/trace-result.js';

const LABEL = { transformation: '由…加工 made from', aggregation: '装入 packed in', member: '属于批次 of lot' } as const;

/** A trace as an indented tree for a terminal: each unit, its kind, its events, then the units it connects to. */
export function renderTraceTree(trace: TraceResult): string {
  const kinds = new Map(trace.nodes.map((n) => [n.id, n.kind]));
  const eventsOf = new Map<string, TraceEvent[]>();
  for (const e of trace.events) for (const u of e.units) eventsOf.set(u.id, [...(eventsOf.get(u.id) ?? []), e]);
  const lines: string[] = [];

  const section = (title: string, next: (id: string) => Array<{ id: string; label: string }>) => {
    lines.push(title);
    const seen = new Set<string>();
    const visit = (id: string, prefix: string, isLast: boolean, label: string, depth: number) => {
      const branch = depth === 0 ? '' : isLast ? '└─ ' : '├─ ';
      lines.push(`${prefix}${branch}${label}${id} (${kinds.get(id) ?? 'unit'})${seen.has(id) ? ' ↺ see above' : ''}`);
      if (seen.has(id)) return;
      seen.add(id);
      const inner = depth === 0 ? prefix : prefix + (isLast ? '   ' : '│  ');
      for (const e of eventsOf.get(id) ?? []) lines.push(`${inner}   · ${describe(e, id)}`);
      const children = next(id);
      children.forEach((c, i) => visit(c.id, inner, i === children.length - 1, `${c.label} `, depth + 1));
    };
    visit(trace.root, '', true, '', 0);
    lines.push('');
  };

  if (trace.direction !== 'forward') {
    section('溯源 backward: where it came from', (id) => trace.edges.filter((e) => e.to === id).map((e) => ({ id: e.from, label: `← ${LABEL[toKey(e.type)]}` })));
  }
  if (trace.direction !== 'backward') {
    section('追踪 forward: where it went', (id) => trace.edges.filter((e) => e.from === id && e.type !== 'aggregation').map((e) => ({ id: e.to, label: '→' })));
  }
  if (trace.parties.length > 0) {
    lines.push('责任主体 parties:');
    for (const p of trace.parties) {
      const received = p.received.map((r) => `${formatAmount(r) || '?'} of ${r.unit}`).join('; ');
      lines.push(`  ${p.id} [${p.roles.join(', ')}]${received ? ` received ${received}` : ''}`);
    }
  }
  if (trace.truncated) lines.push('(trace stopped at its size limit: the list above is not complete)');
  return `${lines.join('\n')}\n`;
}

function describe(e: TraceEvent, unit: string): string {
  const amount = e.units.find((u) => u.id === unit);
  const parts = [
    `${e.eventTime.replace('T', ' ').slice(0, 16)} UTC`,
    e.bizStep ?? e.eventType,
    amount && amount.quantity !== 1 ? formatAmount(amount) : '',
    e.via.length > 0 ? `in ${e.via.join(', ')}` : '',
    e.bizLocation ? `@ ${e.bizLocation}` : '',
    e.sources.length > 0 ? `from ${e.sources.filter((s) => s.type !== 'location').map((s) => s.id).join(', ')}` : '',
    e.destinations.length > 0 ? `to ${e.destinations.filter((d) => d.type !== 'location').map((d) => d.id).join(', ')}` : '',
  ];
  return parts.filter((p) => p !== '').join('  ');
}

function toKey(type: string): keyof typeof LABEL {
  return type === 'aggregation' || type === 'member' ? type : 'transformation';
}
