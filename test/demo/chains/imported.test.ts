import { importedChain as chain } from '../../../src/demo/chains/imported.js';
import { importedProfile } from '../../../src/domain/sectors/imported.js';
import { describeChain } from '../../support/replay-chain.js';

describeChain(chain, importedProfile, {
  traceBack: 'the milk powder sold at the supermarket back to its pre-inspection abroad',
  queryStage: 'entry-inspection',
});
