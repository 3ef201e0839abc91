import { expect, it } from 'vitest';
import { specialEquipmentChain as chain } from '../../../src/demo/chains/special-equipment.js';
import { specialEquipmentProfile } from '../../../src/domain/sectors/special-equipment.js';
import { describeChain } from '../../support/replay-chain.js';

const ELEVATOR = 'urn:zhuisu:elevator:31104601052019070012';

describeChain(chain, specialEquipmentProfile, {
  traceBack: 'the elevator maintained in April back to its manufacture',
  queryStage: 'elevator-inspection',
  extraChecks: (replay) => {
    it('flags the two maintenance visits that came over 15 days after the previous record, and nothing else', () => {
      const rule = 'elevator-maintenance-interval';
      const name = '电梯维保间隔不得超过15日';
      const limit = 'over the 15-day limit: an elevator is maintained at least every 15 days';
      expect(replay.results.map((r) => r.alerts)).toEqual([
        [], [], [],
        [{ rule, message: `${ELEVATOR}距上次记录已2417日，超过15日（${name}） / ${ELEVATOR} went 2417 days since 2019-07-18, ${limit}` }],
        [], [], [],
        [{ rule, message: `${ELEVATOR}距上次记录已22日，超过15日（${name}） / ${ELEVATOR} went 22 days since 2026-03-14, ${limit}` }],
        [], [],
      ]);
    });
  },
});
