import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../charts/EChart';
import { useT } from '../../i18n';
import type { TraceView } from './trace-view';
import { shortUnit } from './trace-view';

const KIND_COLORS: Record<string, string> = { lot: '#1677ff', item: '#52c41a', container: '#fa8c16', asset: '#722ed1' };
const EDGE_COLORS: Record<string, string> = { transformation: '#eb2f96', aggregation: '#fa8c16', member: '#8c8c8c' };
const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  lot: { zh: '批次', en: 'lot' }, item: { zh: '单品', en: 'item' }, container: { zh: '容器', en: 'container' }, asset: { zh: '设备', en: 'asset' },
};
const EDGE_NAMES: Record<string, { zh: string; en: string }> = {
  transformation: { zh: '加工', en: 'transformation' }, aggregation: { zh: '装入', en: 'aggregation' }, member: { zh: '属于', en: 'member' },
};

/** The units of a trace as a graph: what went into what, and what travelled in what, colored by kind. */
export function TraceGraph({ trace }: { trace: TraceView }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const kinds = [...new Set(trace.nodes.map((n) => n.kind))];
    const kindName = (kind: string) => (KIND_NAMES[kind] ? t(KIND_NAMES[kind]) : kind);
    return {
      tooltip: { formatter: (p: { dataType?: string; data?: { id?: string; tip?: string } }) => p.data?.tip ?? p.data?.id ?? '' },
      legend: [{ data: kinds.map(kindName), top: 0 }],
      series: [{
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 320, edgeLength: [80, 160] },
        categories: kinds.map((kind) => ({ name: kindName(kind), itemStyle: { color: KIND_COLORS[kind] ?? '#13c2c2' } })),
        label: { show: true, position: 'bottom', formatter: (p: { data?: { short?: string } }) => p.data?.short ?? '' },
        edgeSymbol: ['none', 'arrow'],
        edgeLabel: { show: true, fontSize: 11, formatter: (p: { data?: { typeName?: string } }) => p.data?.typeName ?? '' },
        data: trace.nodes.map((n) => ({
          id: n.id, name: n.id, short: shortUnit(n.id), tip: n.identifiers.join('\n'),
          category: kinds.indexOf(n.kind),
          symbolSize: n.id === trace.root ? 42 : 26,
          itemStyle: n.id === trace.root ? { borderColor: '#000', borderWidth: 2 } : undefined,
        })),
        links: trace.edges.map((e) => ({
          source: e.from, target: e.to, typeName: EDGE_NAMES[e.type] ? t(EDGE_NAMES[e.type] ?? e.type) : e.type,
          lineStyle: { color: EDGE_COLORS[e.type] ?? '#bfbfbf', width: 2, curveness: 0.1 },
        })),
      }],
    };
  }, [trace, t]);
  return <EChart option={option} height={420} label={t('追溯单元关系图', 'graph of the traced units')} />;
}
