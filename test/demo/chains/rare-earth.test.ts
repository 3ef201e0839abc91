import { expect, it } from 'vitest';
import { rareEarthChain as chain } from '../../../src/demo/chains/rare-earth.js';
import { rareEarthProfile } from '../../../src/domain/sectors/rare-earth.js';
import { describeChain } from '../../support/replay-chain.js';

describeChain(chain, rareEarthProfile, {
  traceBack: 'the oxide exported by the trader back through smelting to the ore lot mined under quota',
  queryStage: 'export',
  extraChecks: (replay) => {
    it('raises no alert, since mining and smelting stay within their quotas', () => {
      expect(replay.results.map((r) => r.alerts)).toEqual(chain.records.map(() => []));
    });
  },
});
