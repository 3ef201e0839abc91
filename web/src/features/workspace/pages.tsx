import {
  ApartmentOutlined, BarcodeOutlined, DashboardOutlined, EditOutlined, InboxOutlined, ShopOutlined, UploadOutlined,
} from '@ant-design/icons';
import type { User } from '../../session';

export const ROLE_NAMES: Record<User['role'], { zh: string; en: string }> = {
  platform_admin: { zh: '平台管理员', en: 'platform administrator' },
  regulator: { zh: '监管部门', en: 'regulator' },
  enterprise_admin: { zh: '企业管理员', en: 'enterprise administrator' },
  enterprise_operator: { zh: '企业操作员', en: 'enterprise operator' },
  inspection_body: { zh: '检验检测机构', en: 'inspection body' },
};

/** The pages of the workspace, by their path under /app. */
export const PAGES = [
  { path: 'overview', icon: <DashboardOutlined />, zh: '概览', en: 'Overview' },
  { path: 'products', icon: <ShopOutlined />, zh: '产品与地点', en: 'Products & sites' },
  { path: 'record', icon: <EditOutlined />, zh: '录入环节', en: 'Record a stage' },
  { path: 'codes', icon: <BarcodeOutlined />, zh: '追溯码与标签', en: 'Codes & labels' },
  { path: 'import', icon: <UploadOutlined />, zh: '批量导入', en: 'Import' },
  { path: 'incoming', icon: <InboxOutlined />, zh: '待收货', en: 'Incoming' },
  { path: 'trace', icon: <ApartmentOutlined />, zh: '追溯查询', en: 'Trace' },
] as const;

