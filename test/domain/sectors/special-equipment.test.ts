import { describe, expect, it } from 'vitest';
import { checkElements } from '../../../src/domain/sectors/check-elements.js';
import { recordToEvent, type ResolvedRecord } from '../../../src/domain/sectors/record-events.js';
import { specialEquipmentProfile } from '../../../src/domain/sectors/special-equipment.js';
import { describeSectorDoc, getStage, itNamesElementsAsExtensionFields } from '../../support/sector-doc.js';

const stage = (id: string) => getStage(specialEquipmentProfile, id);

function sample(id: string, without?: string): Record<string, unknown> {
  const data = { ...SAMPLES[id] };
  if (without) delete data[without];
  return data;
}

const ELEVATOR_MAKER = '91320500MA1EL00015';
const INSTALLER = '91460100MA5EL0002K';
const BUILDING = '91460105MA5EL00042';
const FILLING_STATION = '91460100MA5CY0002U';
const CYLINDER_INSPECTOR = '91460100MA5CY0003Y';
const ELEVATOR = 'urn:zhuisu:elevator:31104601052019070012';
const CYLINDER = 'urn:zhuisu:cylinder:146A01000123';

// An elevator in a Haikou housing estate and an LPG cylinder of a Haikou filling station, over their lives.
const SAMPLES: Record<string, Record<string, unknown>> = {
  'elevator-manufacture': { manufactureLicence: 'TS3132001-2027', model: 'TDK-1000/1.75', factoryNumber: 'SZ19E0712', manufactureDate: '2019-05-20', ratedLoad: 1000, ratedSpeed: 1.75 },
  'elevator-installation': {
    installationLicence: 'TS3346012-2026',
    useRegistrationNumber: '梯11琼A00012(19)',
    address: '海南省海口市秀英区椰海大道 168 号椰海花园 3 栋 1 号梯',
    acceptanceDate: '2019-07-18',
  },
  'elevator-maintenance': { maintenanceType: 'quarterly', result: 'pass', maintainerCertificate: 'T2-4601-2019-00318', findings: '更换层门门锁触点 replaced a landing door lock contact' },
  'elevator-inspection': { reportNumber: 'HNTJ-DT-2026-003187', result: 'pass', nextInspectionDate: '2027-03-20' },
  'cylinder-manufacture': {
    manufactureLicence: 'TS2232019-2026',
    factoryNumber: 'HG22-061553',
    manufactureDate: '2022-06-01',
    medium: '液化石油气',
    workingPressure: 2.1,
    volume: 35.5,
    nextInspectionDate: '2026-06-01',
  },
  'cylinder-filling': { fillingLicence: 'TS4246001-2027', medium: '液化石油气', preFillCheck: 'pass', postFillCheck: 'pass', filler: '王建国', fillWeight: 14.6 },
  'cylinder-inspection': { reportNumber: 'HKQP-2026-05-0412', result: 'pass', nextInspectionDate: '2030-05-20', inspectionBody: CYLINDER_INSPECTOR },
};

describe('special equipment profile', () => {
  it('accepts a sample record at every stage', () => {
    expect(Object.keys(SAMPLES)).toEqual(specialEquipmentProfile.stages.map((s) => s.id));
    for (const s of specialEquipmentProfile.stages) expect(checkElements(s, sample(s.id)).issues, s.id).toEqual([]);
  });

  it('stores choices by their value, whichever language the clerk wrote them in', () => {
    const { values } = checkElements(stage('elevator-maintenance'), { ...sample('elevator-maintenance'), maintenanceType: '半月维保', result: '合格' });
    expect(values).toMatchObject({ maintenanceType: 'half-monthly', result: 'pass' });
  });

  it('names the next inspection date when a cylinder inspection lacks it', () => {
    const { issues } = checkElements(stage('cylinder-inspection'), sample('cylinder-inspection', 'nextInspectionDate'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('data.nextInspectionDate');
    expect(issues[0]?.reason).toContain('下次检验日期');
  });

  it('names both checks when a filling record lacks them', () => {
    const { issues } = checkElements(stage('cylinder-filling'), { fillingLicence: 'TS4246001-2027', medium: '液化石油气', filler: '王建国' });
    expect(issues.map((i) => i.field)).toEqual(['data.preFillCheck', 'data.postFillCheck']);
    expect(issues[0]?.reason).toContain('充装前检查');
    expect(issues[1]?.reason).toContain('充装后检查');
  });

  it.each(['TS3132001-2027', 'TS3132001'])('accepts the licence number %s', (manufactureLicence) => {
    expect(checkElements(stage('elevator-manufacture'), { ...sample('elevator-manufacture'), manufactureLicence }).issues).toEqual([]);
  });

  it.each(['ts3132001', '-TS3132001', 'T'])('refuses the licence number %s', (manufactureLicence) => {
    const { issues } = checkElements(stage('elevator-manufacture'), { ...sample('elevator-manufacture'), manufactureLicence });
    expect(issues.map((i) => i.field)).toEqual(['data.manufactureLicence']);
    expect(issues[0]?.reason).toContain('制造许可证编号');
  });

  it('writes a fill as an observation of the cylinder with its checks as extension fields', () => {
    const record: ResolvedRecord = {
      sector: 'special-equipment',
      profileVersion: 1,
      stage: stage('cylinder-filling'),
      party: FILLING_STATION,
      site: `urn:zhuisu:site:${FILLING_STATION}`,
      region: '460100',
      time: '2026-06-10T08:25:00+08:00',
      outputs: { lots: [], items: [CYLINDER] },
      inputs: { lots: [], items: [] },
      elements: checkElements(stage('cylinder-filling'), sample('cylinder-filling')).values,
    };
    const event = recordToEvent(record);
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'https://ns.zhuisu.org/epcis/bizstep/filling',
      disposition: 'active',
      epcList: [CYLINDER],
      'zhuisu:fillingLicence': 'TS4246001-2027',
      'zhuisu:medium': '液化石油气',
      'zhuisu:preFillCheck': 'pass',
      'zhuisu:postFillCheck': 'pass',
      'zhuisu:filler': '王建国',
      'zhuisu:fillWeight': 14.6,
      'zhuisu:sector': 'special-equipment',
      'zhuisu:stage': 'cylinder-filling',
    });
    expect(event).not.toHaveProperty('ilmd');
    expect(event).not.toHaveProperty('quantityList');
  });

  it('writes an elevator made as an ObjectEvent ADD whose master data goes to ilmd and its licence beside it', () => {
    const record: ResolvedRecord = {
      sector: 'special-equipment',
      profileVersion: 1,
      stage: stage('elevator-manufacture'),
      party: ELEVATOR_MAKER,
      site: `urn:zhuisu:site:${ELEVATOR_MAKER}`,
      region: '320500',
      time: '2019-05-20T10:00:00+08:00',
      outputs: { lots: [], items: [ELEVATOR] },
      inputs: { lots: [], items: [] },
      elements: checkElements(stage('elevator-manufacture'), sample('elevator-manufacture')).values,
    };
    const event = recordToEvent(record);
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'ADD',
      bizStep: 'commissioning',
      epcList: [ELEVATOR],
      ilmd: {
        'zhuisu:model': 'TDK-1000/1.75',
        'zhuisu:factoryNumber': 'SZ19E0712',
        'zhuisu:manufactureDate': '2019-05-20',
        'zhuisu:ratedLoad': 1000,
        'zhuisu:ratedSpeed': 1.75,
      },
      'zhuisu:manufactureLicence': 'TS3132001-2027',
    });
    expect(event).not.toHaveProperty('zhuisu:model');
  });

  it('hands an installed elevator over to the building that uses it', () => {
    const record: ResolvedRecord = {
      sector: 'special-equipment',
      profileVersion: 1,
      stage: stage('elevator-installation'),
      party: INSTALLER,
      site: `urn:zhuisu:site:${INSTALLER}`,
      counterpart: BUILDING,
      region: '460105',
      time: '2019-07-18T15:00:00+08:00',
      outputs: { lots: [], items: [ELEVATOR] },
      inputs: { lots: [], items: [] },
      elements: checkElements(stage('elevator-installation'), sample('elevator-installation')).values,
    };
    expect(recordToEvent(record)).toMatchObject({
      bizStep: 'installing',
      disposition: 'active',
      destinationList: [{ type: 'owning_party', destination: `urn:zhuisu:party:${BUILDING}` }],
      'zhuisu:useRegistrationNumber': '梯11琼A00012(19)',
      'zhuisu:counterpart': BUILDING,
    });
  });

  itNamesElementsAsExtensionFields(specialEquipmentProfile);
});

describeSectorDoc(specialEquipmentProfile, { rulesMention: ['POST /api/v1/alerts/sweep'] });
