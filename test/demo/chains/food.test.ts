import { foodChain as chain } from '../../../src/demo/chains/food.js';
import { foodProfile } from '../../../src/domain/sectors/food.js';
import { describeChain } from '../../support/replay-chain.js';

describeChain(chain, foodProfile, {
  traceBack: 'the formula sold in the shop back through production to the first raw material received',
  queryStage: 'factory-inspection',
});
