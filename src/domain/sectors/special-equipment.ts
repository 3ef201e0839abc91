import { choice, date, number, passFail, text, uscc } from './elements.js';
import type { SectorProfile } from './profile.js';

// TSG 07-2019: manufacture, installation and filling need a special-equipment production licence (特种设备生产许可证,
// numbered TS + 7 digits on older licences); the pattern accepts both spellings in use.
const licence = (id: string, zh: string, en: string) =>
  text(id, zh, en, { required: true, visibility: 'public', pattern: '^(TS\\d{7}(-\\d{4})?|[\\p{Script=Han}A-Z0-9]{2,}[\\p{Script=Han}A-Z0-9-]*)$' });

const nextInspectionDate = date('nextInspectionDate', '下次检验日期', 'next periodic inspection due', { required: true, visibility: 'public' });
const reportNumber = text('reportNumber', '检验报告编号', 'inspection report number', { required: true, visibility: 'public' });

/**
 * 特种设备 (special equipment, 95号 (九)): elevators (manufacture, installation, maintenance, inspection) and gas
 * cylinders (manufacture, filling, inspection), each unit identified by its registration code; the safety-technical
 * archive (安全技术档案) of a unit is its trace.
 */
export const specialEquipmentProfile: SectorProfile = {
  id: 'special-equipment',
  version: 1,
  name: { zh: '特种设备', en: 'Special equipment' },
  leadDepartment: { zh: '市场监督管理部门（特种设备安全监察）', en: 'market regulation (special equipment safety)' },
  products: [
    { id: 'elevator', name: { zh: '电梯', en: 'elevators' } },
    { id: 'gas-cylinder', name: { zh: '气瓶', en: 'gas cylinders' } },
  ],
  stages: [
    {
      id: 'elevator-manufacture',
      name: { zh: '电梯制造', en: 'elevator manufacture' },
      event: 'create',
      bizStep: 'commissioning',
      disposition: 'active',
      handover: 'none',
      codeScheme: 'elevator-code',
      units: 'items',
      elements: [
        licence('manufactureLicence', '制造许可证编号', 'manufacture licence number'),
        text('model', '产品型号', 'model', { required: true, visibility: 'public', ilmd: true }),
        text('factoryNumber', '出厂编号', 'factory serial number', { required: true, visibility: 'public', ilmd: true }),
        date('manufactureDate', '制造日期', 'manufacture date', { required: true, visibility: 'public', ilmd: true }),
        number('ratedLoad', '额定载重量', 'rated load', { unit: 'KGM', min: 0, max: 100000, visibility: 'public', ilmd: true }),
        number('ratedSpeed', '额定速度', 'rated speed', { unit: 'MTS', min: 0, max: 20, visibility: 'public', ilmd: true }),
      ],
    },
    {
      id: 'elevator-installation',
      name: { zh: '电梯安装', en: 'elevator installation' },
      event: 'observe',
      bizStep: 'installing',
      disposition: 'active',
      handover: 'ship',
      counterpartRequired: true,
      codeScheme: 'elevator-code',
      units: 'items',
      elements: [
        licence('installationLicence', '安装许可证编号', 'installation licence number'),
        text('useRegistrationNumber', '使用登记证编号', 'use registration certificate number', { required: true, visibility: 'public' }),
        text('address', '安装地址', 'installation address', { required: true, visibility: 'public', maxLength: 200 }),
        date('acceptanceDate', '竣工验收日期', 'completion acceptance date', { required: true, visibility: 'public' }),
      ],
    },
    {
      id: 'elevator-maintenance',
      name: { zh: '电梯维护保养', en: 'elevator maintenance' },
      event: 'observe',
      bizStep: 'zhuisu:maintenance',
      disposition: 'active',
      handover: 'none',
      codeScheme: 'elevator-code',
      units: 'items',
      elements: [
        choice('maintenanceType', '维保类型', 'maintenance type', [
          ['half-monthly', '半月维保', 'half-monthly'], ['quarterly', '季度维保', 'quarterly'], ['half-yearly', '半年维保', 'half-yearly'], ['yearly', '年度维保', 'yearly'],
        ], { required: true, visibility: 'public' }),
        passFail('result', '维保结论', 'result', { required: true, visibility: 'public' }),
        text('maintainerCertificate', '维保人员证书编号', 'maintenance worker certificate number', { required: true, visibility: 'regulator' }),
        text('findings', '发现问题及处理', 'findings and repairs', { maxLength: 500 }),
      ],
    },
    {
      id: 'elevator-inspection',
      name: { zh: '电梯定期检验', en: 'elevator periodic inspection' },
      event: 'observe',
      bizStep: 'inspecting',
      handover: 'none',
      codeScheme: 'elevator-code',
      units: 'items',
      elements: [reportNumber, passFail('result', '检验结论', 'result', { required: true, visibility: 'public' }), nextInspectionDate],
    },
    {
      id: 'cylinder-manufacture',
      name: { zh: '气瓶制造', en: 'gas cylinder manufacture' },
      event: 'create',
      bizStep: 'commissioning',
      disposition: 'active',
      handover: 'none',
      codeScheme: 'cylinder-code',
      units: 'items',
      elements: [
        licence('manufactureLicence', '制造许可证编号', 'manufacture licence number'),
        text('factoryNumber', '出厂编号', 'factory serial number', { required: true, visibility: 'public', ilmd: true }),
        date('manufactureDate', '制造日期', 'manufacture date', { required: true, visibility: 'public', ilmd: true }),
        text('medium', '充装介质', 'gas', { required: true, visibility: 'public', ilmd: true }),
        number('workingPressure', '公称工作压力', 'nominal working pressure', { unit: 'MPA', min: 0, max: 100, visibility: 'public', ilmd: true }),
        number('volume', '容积', 'water capacity', { unit: 'LTR', min: 0, max: 3000, visibility: 'public', ilmd: true }),
        nextInspectionDate,
      ],
    },
    {
      id: 'cylinder-filling',
      name: { zh: '气瓶充装', en: 'gas cylinder filling' },
      event: 'observe',
      bizStep: 'zhuisu:filling',
      disposition: 'active',
      handover: 'none',
      codeScheme: 'cylinder-code',
      units: 'items',
      elements: [
        licence('fillingLicence', '充装许可证编号', 'filling licence number'),
        text('medium', '充装介质', 'gas', { required: true, visibility: 'public' }),
        passFail('preFillCheck', '充装前检查', 'pre-fill check', { required: true, visibility: 'public' }),
        passFail('postFillCheck', '充装后检查', 'post-fill check', { required: true, visibility: 'public' }),
        text('filler', '充装人员', 'filler', { required: true, visibility: 'owner' }),
        number('fillWeight', '充装量', 'filled weight', { unit: 'KGM', min: 0, max: 1000 }),
      ],
    },
    {
      id: 'cylinder-inspection',
      name: { zh: '气瓶定期检验', en: 'gas cylinder periodic inspection' },
      event: 'observe',
      bizStep: 'inspecting',
      handover: 'none',
      codeScheme: 'cylinder-code',
      units: 'items',
      elements: [reportNumber, passFail('result', '检验结论', 'result', { required: true, visibility: 'public' }), nextInspectionDate, uscc('inspectionBody', '检验机构', 'inspection body', { visibility: 'public' })],
    },
  ],
  rules: [
    {
      id: 'cylinder-inspection-overdue',
      kind: 'due-date',
      stage: 'cylinder-filling',
      element: 'nextInspectionDate',
      from: ['cylinder-manufacture', 'cylinder-inspection'],
      action: 'reject',
      name: { zh: '超过定期检验日期的气瓶不得充装', en: 'a cylinder past its periodic inspection may not be filled' },
    },
    {
      id: 'elevator-maintenance-interval',
      kind: 'max-interval',
      stage: 'elevator-maintenance',
      since: ['elevator-installation', 'elevator-maintenance'],
      days: 15,
      action: 'flag',
      name: { zh: '电梯维保间隔不得超过15日', en: 'an elevator is maintained at least every 15 days' },
    },
  ],
  sources: ['国办发〔2015〕95号 (九)', 'TSG 08-2017 特种设备使用管理规则', 'TSG T5002-2017 电梯维护保养规则（维保周期不超过15日）', 'TSG 23-2021 气瓶安全技术规程（充装前后检查、定期检验）'],
};
