import { createContext, useContext, type ReactNode } from 'react';
import type { User } from '../../session';
import type { Product, SectorSummary } from '../sectors/profile';
import { useApi } from './use-api';

/** A registered party, as GET /api/v1/parties/{uscc} answers. */
export interface Party {
  uscc: string;
  name: string;
  region: string;
  site: string;
  sectors: string[];
  registeredAt: string;
}

export interface Enterprise {
  user: User;
  party: Party | undefined;
  products: Product[];
  reloadProducts: () => void;
  /** Every sector profile in force, by id, for their names. */
  sectors: SectorSummary[];
  /** The sectors the enterprise is registered in; those it may record. */
  ownSectors: SectorSummary[];
  isAdmin: boolean;
}

const EnterpriseContext = createContext<Enterprise | undefined>(undefined);

/** Loads once for every page what the workspace keeps showing: the enterprise, its products, the sectors. */
export function EnterpriseProvider({ user, children }: { user: User; children: ReactNode }) {
  const uscc = user.enterprise;
  const party = useApi<Party>(uscc ? `/api/v1/parties/${encodeURIComponent(uscc)}` : null);
  const products = useApi<Product[]>(uscc ? `/api/v1/products?party=${encodeURIComponent(uscc)}` : null);
  const sectors = useApi<SectorSummary[]>('/api/v1/sectors');
  const all = sectors.data ?? [];
  const registered = party.data?.sectors ?? user.sectors;
  const value: Enterprise = {
    user,
    party: party.data,
    products: products.data ?? [],
    reloadProducts: products.reload,
    sectors: all,
    ownSectors: all.filter((s) => registered.includes(s.id)),
    isAdmin: user.role === 'enterprise_admin' || user.role === 'platform_admin',
  };
  return <EnterpriseContext.Provider value={value}>{children}</EnterpriseContext.Provider>;
}

export function useEnterprise(): Enterprise {
  const value = useContext(EnterpriseContext);
  if (!value) throw new Error('useEnterprise outside EnterpriseProvider');
  return value;
}
