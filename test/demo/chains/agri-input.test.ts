import { agriInputChain as chain } from '../../../src/demo/chains/agri-input.js';
import { agriInputProfile } from '../../../src/domain/sectors/agri-input.js';
import { describeChain } from '../../support/replay-chain.js';

describeChain(chain, agriInputProfile, {
  traceBack: 'the fungicide sprayed on the orchard back to the lot its registration was recorded for',
  queryStage: 'application',
});
