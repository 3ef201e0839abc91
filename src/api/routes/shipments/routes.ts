import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Profiles } from '../../../capture/records/profiles.js';
import { sightOf } from '../../../domain/access/sight.js';
import { DomainError } from '../../../domain/errors.js';
import { isObject } from '../../../domain/event.js';
import type { PartyStore } from '../../../store/party-store.js';
import type { ShipmentStore } from '../../../store/shipment-store.js';
import { problemResponses } from '../../problem.js';

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const ShipmentView = Type.Object({
  eventId: Type.String(),
  time: Type.String(),
  sector: Type.Optional(Type.String()),
  stage: Type.Optional(Type.String()),
  stageName: Type.Optional(Text),
  from: Type.Object({ uscc: Type.String(), name: Type.String() }),
  product: Type.Optional(Type.String()),
  lots: Type.Array(Type.Object({ lot: Type.String(), quantity: Type.Optional(Type.Number()), uom: Type.Optional(Type.String()) })),
  items: Type.Array(Type.String()),
  received: Type.Boolean({ description: 'This enterprise recorded a receipt of these units since' }),
  receiveStage: Type.Optional(Type.String({ description: 'The sector stage that records the receipt (handover receive)' })),
});

/** Shipments sent to the caller's enterprise (待收货), to confirm receipt by recording the sector's receiving stage. */
export const shipmentRoutes: FastifyPluginAsyncTypebox<{ shipments: ShipmentStore; parties: PartyStore; profiles: Profiles }> = async (app, { shipments, parties, profiles }) => {
  app.get('/incoming', {
    config: { access: 'read' },
    schema: {
      summary: 'Shipments other enterprises sent to the caller’s enterprise, newest first', tags: ['Records'], security: [{ bearer: [] }, { session: [] }],
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ShipmentView) }), ...problemResponses },
    },
  }, async (request) => {
    const uscc = request.principal.enterprise;
    if (!uscc) throw new DomainError('invalid_request', '待收货只对企业账号显示 / incoming shipments are those of an enterprise: sign in as one');
    const found = await shipments.incoming(uscc, sightOf(request.principal), { limit: request.query.limit ?? 100 });
    const items = await Promise.all(found.map(async (s) => {
      const body = s.body;
      const sector = typeof body['zhuisu:sector'] === 'string' ? body['zhuisu:sector'] : undefined;
      const stageId = typeof body['zhuisu:stage'] === 'string' ? body['zhuisu:stage'] : undefined;
      const profile = sector ? await profiles.find(sector) : undefined;
      const stage = profile?.stages.find((st) => st.id === stageId);
      const receive = profile?.stages.find((st) => st.handover === 'receive');
      const quantities = Array.isArray(body.quantityList) ? body.quantityList.filter(isObject) : [];
      const lots = quantities.flatMap((q) => (typeof q.epcClass === 'string'
        ? [{ lot: q.epcClass, ...(typeof q.quantity === 'number' ? { quantity: q.quantity } : {}), ...(typeof q.uom === 'string' ? { uom: q.uom } : {}) }] : []));
      const lotIds = new Set(lots.map((l) => l.lot));
      const product = typeof body['zhuisu:product'] === 'string' ? body['zhuisu:product'] : undefined;
      return {
        eventId: s.eventId, time: s.eventTime, from: { uscc: s.from, name: (await parties.find(s.from))?.name ?? s.from },
        lots, items: s.units.filter((u) => !lotIds.has(u)), received: s.received,
        ...(sector ? { sector } : {}), ...(stageId ? { stage: stageId } : {}), ...(stage ? { stageName: stage.name } : {}),
        ...(product ? { product } : {}), ...(receive ? { receiveStage: receive.id } : {}),
      };
    }));
    return { items };
  });
};
