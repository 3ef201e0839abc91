import { drugChain as chain } from '../../../src/demo/chains/drug.js';
import { drugProfile } from '../../../src/domain/sectors/drug.js';
import { describeChain } from '../../support/replay-chain.js';

describeChain(chain, drugProfile, {
  traceBack: 'the capsule box dispensed at the hospital back to the production record that commissioned its code',
  queryStage: 'dispensing',
  firstUnitsReached: 'traced unit only',
});
