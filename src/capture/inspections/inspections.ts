import { randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access/principal.js';
import { sightOf } from '../../domain/access/sight.js';
import type { AuditActor } from '../../domain/audit/actor.js';
import { DomainError } from '../../domain/errors.js';
import { parseUnitId } from '../../domain/ids/unit-id.js';
import { findStage, type StageDef } from '../../domain/sectors/profile.js';
import type { RecordInput } from '../../domain/sectors/record-input.js';
import type { InspectionRequest, InspectionStore } from '../../store/inspection-store.js';
import type { PartyStore } from '../../store/party-store.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Profiles } from '../records/profiles.js';
import type { Recorder, RecordResult } from '../records/record-capture.js';

/** What an inspection body writes when it answers a request: when, its findings, and optionally where and its report. */
export interface InspectionResult {
  time: string;
  data?: Record<string, unknown>;
  site?: string;
  reference?: string;
}

// A stage is an inspection when its profile says so in the CBV's words: bizStep `inspecting`.
function isInspectionStage(stage: StageDef): boolean {
  return stage.bizStep === 'inspecting';
}

/**
 * Inspection requests (检验委托): an enterprise, a regulator or the platform asks a registered inspection body to
 * inspect one unit at an inspection stage of its sector; the body then attaches its result to that unit, and to
 * no other, as a record of that stage under its own USCC.
 */
export function createInspections(deps: {
  store: InspectionStore;
  profiles: Profiles;
  parties: PartyStore;
  recorder: Recorder;
  audit: AuditTrail;
  /** Whether the principal may see a unit (an event it may see names it): one asks only about what one knows of. */
  seesUnit: (unitId: string, principal: Principal) => Promise<boolean>;
  now: () => Date;
  newId?: () => string;
}) {
  const newId = deps.newId ?? randomUUID;
  return {
    async request(
      input: { inspector: string; unit: string; sector: string; stage: string; note?: string },
      principal: Principal,
      actor: AuditActor,
    ): Promise<InspectionRequest> {
      const inspector = input.inspector.trim().toUpperCase();
      const profile = await deps.profiles.find(input.sector);
      if (!profile) throw new DomainError('sector_not_found', `没有行业“${input.sector}” / there is no sector "${input.sector}"`);
      const stage = findStage(profile, input.stage);
      if (!stage || !isInspectionStage(stage)) {
        const stages = profile.stages.filter(isInspectionStage).map((s) => s.id);
        throw new DomainError('invalid_request', `stage: “${input.stage}”不是${profile.id}的检验环节；检验环节：${stages.join('、') || '无'} / "${input.stage}" is not an inspection stage of ${profile.id}; inspection stages: ${stages.join(', ') || 'none'}`,
          { errors: [{ field: 'stage', reason: 'not an inspection stage' }] });
      }
      if (!(await deps.parties.find(inspector))) {
        throw new DomainError('party_not_found', `inspector: 检验机构${inspector}未登记为追溯主体 / the inspection body ${inspector} is not a registered party`);
      }
      const unitId = parseUnitId(input.unit).canonical;
      if (!(await deps.seesUnit(unitId, principal))) {
        throw new DomainError('unit_not_found', `没有您可查看的事件记载${input.unit} / no event that you may see names ${input.unit}`, { id: input.unit });
      }
      const request: InspectionRequest = {
        requestId: newId(), inspector, unitId, sector: profile.id, stage: stage.id, requestedBy: principal.id || actor.id, requestedAt: deps.now().toISOString(),
        ...(principal.enterprise ? { requestedFor: principal.enterprise } : {}),
        ...(input.note ? { note: input.note } : {}),
      };
      await deps.store.add(request);
      await deps.audit.record(actor, 'inspection.request', request.requestId, { inspector, unit: unitId, sector: profile.id, stage: stage.id });
      return request;
    },

    /**
     * Records the result of a request as a record of its stage by the inspection body. Only the body asked may answer,
     * once; the unit and stage are the request's, not the body's to choose.
     */
    async attachResult(requestId: string, result: InspectionResult, principal: Principal, actor: AuditActor): Promise<{ request: InspectionRequest; record: RecordResult }> {
      const request = await deps.store.find(requestId, sightOf(principal), principal.id);
      if (!request) throw new DomainError('inspection_request_not_found', `没有检验委托${requestId} / no inspection request ${requestId}`);
      if (principal.role !== 'platform_admin' && principal.enterprise !== request.inspector) {
        throw new DomainError('forbidden', `只有受托检验机构（${request.inspector}）能提交检验结果 / only the inspection body asked (${request.inspector}) may attach the result`);
      }
      if (request.recordId) {
        throw new DomainError('already_registered', `检验委托${requestId}已于${request.answeredAt ?? ''}提交结果（记录${request.recordId}） / request ${requestId} was answered by record ${request.recordId}`);
      }
      const profile = await deps.profiles.find(request.sector);
      const stage = profile && findStage(profile, request.stage);
      const asLot = stage?.units === 'lot' || (stage?.units === 'either' && parseUnitId(request.unitId).kind === 'lot');
      const input: RecordInput = {
        sector: request.sector, stage: request.stage, party: request.inspector, time: result.time,
        ...(result.data ? { data: result.data } : {}),
        ...(asLot ? { lot: request.unitId } : { codes: [request.unitId] }),
        ...(result.site ? { site: result.site } : {}),
        ...(result.reference ? { reference: result.reference } : {}),
      };
      const record = await deps.recorder.record(input, { actor });
      const answeredAt = deps.now().toISOString();
      // The record went first: answered twice at once, the second finds its record already stored and the request answered.
      if (!(await deps.store.answer(requestId, record.recordId, answeredAt))) {
        throw new DomainError('already_registered', `检验委托${requestId}已提交结果 / request ${requestId} was answered already`);
      }
      return { request: { ...request, recordId: record.recordId, answeredAt }, record };
    },
  };
}

export type Inspections = ReturnType<typeof createInspections>;
