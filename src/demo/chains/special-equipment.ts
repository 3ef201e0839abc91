import type { DemoChain } from './chain.js';

const ELEVATOR_MAKER = '91320500MA1EL00015';
const INSTALLER = '91460100MA5EL0002K';
const MAINTAINER = '91460100MA5EL0003N';
const BUILDING = '91460105MA5EL00042';
const INSPECTION_BODY = '91460000MA5EL0005P';
const CYLINDER_MAKER = '91320200MA1CY0001X';
const FILLING_STATION = '91460100MA5CY0002U';
const CYLINDER_INSPECTOR = '91460100MA5CY0003Y';
const ELEVATOR = '31104601052019070012';
const CYLINDER = '146A01000123';

const maintenance = (time: string, type: string, findings?: string) => ({
  sector: 'special-equipment', stage: 'elevator-maintenance', party: MAINTAINER, codes: [ELEVATOR], time,
  data: { maintenanceType: type, result: 'pass', maintainerCertificate: 'T2-4601-2019-00318', ...(findings ? { findings } : {}) },
});

const filling = (time: string, weight: number) => ({
  sector: 'special-equipment', stage: 'cylinder-filling', party: FILLING_STATION, codes: [CYLINDER], time,
  data: { fillingLicence: 'TS4246001-2027', medium: '液化石油气', preFillCheck: 'pass', postFillCheck: 'pass', filler: '王建国', fillWeight: weight },
});

/**
 * An elevator's safety-technical archive (manufacture, installation, maintenance, periodic inspection) and an LPG
 * cylinder's fills around its periodic inspection. The 15-day maintenance rule flags two visits: the first one on the
 * platform, whose previous record is the installation years before, and one 22 days after the last.
 */
export const specialEquipmentChain: DemoChain = {
  sector: 'special-equipment',
  title: '电梯全生命周期与液化气钢瓶充装 An elevator\'s lifecycle and an LPG cylinder\'s fills',
  parties: [
    { uscc: ELEVATOR_MAKER, name: '苏州通达电梯有限公司 Tongda Elevator, Suzhou', region: '320500', sectors: ['special-equipment'] },
    { uscc: INSTALLER, name: '海南华安电梯工程有限公司 Huaan Elevator Engineering', region: '460100', sectors: ['special-equipment'] },
    { uscc: MAINTAINER, name: '海口安捷电梯维保有限公司 Anjie Elevator Maintenance', region: '460100', sectors: ['special-equipment'] },
    { uscc: BUILDING, name: '海口秀英椰海花园物业服务有限公司 Yehai Garden property management', region: '460105', sectors: ['special-equipment'] },
    { uscc: INSPECTION_BODY, name: '海南省特种设备检验检测院 Hainan special equipment inspection institute', region: '460000', sectors: ['special-equipment'] },
    { uscc: CYLINDER_MAKER, name: '无锡华钢气瓶有限公司 Huagang Cylinders, Wuxi', region: '320200', sectors: ['special-equipment'] },
    { uscc: FILLING_STATION, name: '海口南海液化气充装站 Nanhai LPG filling station', region: '460100', sectors: ['special-equipment'] },
    { uscc: CYLINDER_INSPECTOR, name: '海口市气瓶检验站 Haikou cylinder inspection station', region: '460100', sectors: ['special-equipment'] },
  ],
  products: [],
  records: [
    {
      sector: 'special-equipment', stage: 'elevator-manufacture', party: ELEVATOR_MAKER, codes: [ELEVATOR], time: '2019-05-20T10:00:00+08:00',
      data: { manufactureLicence: 'TS3132001-2027', model: 'TDK-1000/1.75', factoryNumber: 'SZ19E0712', manufactureDate: '2019-05-20', ratedLoad: 1000, ratedSpeed: 1.75 },
    },
    {
      sector: 'special-equipment', stage: 'elevator-installation', party: INSTALLER, codes: [ELEVATOR], counterpart: BUILDING, time: '2019-07-18T15:00:00+08:00',
      data: { installationLicence: 'TS3346012-2026', useRegistrationNumber: '梯11琼A00012(19)', address: '海南省海口市秀英区椰海大道 168 号椰海花园 3 栋 1 号梯', acceptanceDate: '2019-07-18' },
    },
    {
      sector: 'special-equipment', stage: 'cylinder-manufacture', party: CYLINDER_MAKER, codes: [CYLINDER], time: '2022-06-01T09:00:00+08:00',
      data: { manufactureLicence: 'TS2232019-2026', factoryNumber: 'HG22-061553', manufactureDate: '2022-06-01', medium: '液化石油气', workingPressure: 2.1, volume: 35.5, nextInspectionDate: '2026-06-01' },
    },
    maintenance('2026-03-01T09:30:00+08:00', 'half-monthly'),
    filling('2026-03-02T08:10:00+08:00', 14.5),
    maintenance('2026-03-14T09:10:00+08:00', 'quarterly', '更换层门门锁触点 replaced a landing door lock contact'),
    {
      sector: 'special-equipment', stage: 'elevator-inspection', party: INSPECTION_BODY, codes: [ELEVATOR], time: '2026-03-20T14:00:00+08:00',
      data: { reportNumber: 'HNTJ-DT-2026-003187', result: 'pass', nextInspectionDate: '2027-03-20' },
    },
    maintenance('2026-04-05T10:00:00+08:00', 'half-monthly'),
    {
      sector: 'special-equipment', stage: 'cylinder-inspection', party: CYLINDER_INSPECTOR, codes: [CYLINDER], time: '2026-05-20T11:00:00+08:00',
      data: { reportNumber: 'HKQP-2026-05-0412', result: 'pass', nextInspectionDate: '2030-05-20', inspectionBody: CYLINDER_INSPECTOR },
    },
    filling('2026-06-10T08:25:00+08:00', 14.6),
  ],
  traceFrom: { record: 7, unit: 0 },
};
