import { expect, it } from 'vitest';
import { edibleAgriChain as chain } from '../../../src/demo/chains/edible-agri.js';
import { edibleAgriProfile } from '../../../src/domain/sectors/edible-agri.js';
import { describeChain } from '../../support/replay-chain.js';

describeChain(chain, edibleAgriProfile, {
  traceBack: 'the mango sold at the supermarket back through grading to the orchard lot',
  queryStage: 'meat-sale',
  extraChecks: (replay) => {
    it('traces the pork sold at the market back through slaughter to the pig farm lot', async () => {
      const retail = chain.records.findLastIndex((r) => r.stage === 'retail');
      const farming = chain.records.findLastIndex((r) => r.stage === 'farming');
      const trace = await replay.traceBackward(replay.unitsOf(retail)[0] ?? '');
      expect(replay.unitsOf(farming)).not.toHaveLength(0);
      for (const unit of replay.unitsOf(farming)) expect(trace.nodes).toContain(unit);
      expect(trace.events).toContain(replay.results[farming]?.eventId);
    });
  },
});
