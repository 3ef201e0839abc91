import { expect, it } from 'vitest';
import { hazardousChain as chain } from '../../../src/demo/chains/hazardous.js';
import { hazardousProfile } from '../../../src/domain/sectors/hazardous.js';
import { describeChain } from '../../support/replay-chain.js';

describeChain(chain, hazardousProfile, {
  traceBack: 'the fireworks received by the Haikou retailer back to the lot made in Liuyang',
  queryStage: 'transport',
  extraChecks: (replay) => {
    it('raises no alert, since the stock counts of maker and wholesaler balance', () => {
      expect(replay.results.map((r) => r.alerts)).toEqual(chain.records.map(() => []));
    });
  },
});
