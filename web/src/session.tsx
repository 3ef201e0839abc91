import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from './http';

export interface User {
  userId: string;
  username: string;
  displayName: string;
  role: 'platform_admin' | 'regulator' | 'enterprise_admin' | 'enterprise_operator' | 'inspection_body';
  /** USCC of the enterprise an enterprise role acts for. */
  enterprise?: string;
  region?: string;
  sectors: string[];
}

interface SessionAnswer {
  user: User;
  csrfToken: string;
}

interface SessionState {
  /** undefined while the session is being looked up, null when nobody is signed in. */
  user: User | null | undefined;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState>({
  user: undefined,
  login: () => Promise.reject(new Error('no session provider')),
  logout: () => Promise.resolve(),
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    api<SessionAnswer>('/api/v1/auth/session')
      .then((s) => { setCsrfToken(s.csrfToken); setUser(s.user); })
      .catch(() => setUser(null));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const s = await api<SessionAnswer>('/api/v1/auth/login', { json: { username, password } });
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    return s.user;
  }, []);

  const logout = useCallback(async () => {
    await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(undefined);
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
