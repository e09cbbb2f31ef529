import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Person } from '../../shared/directory.ts';
import type { Role, ScopeKind } from '../../shared/roles.ts';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from './api.ts';

// Who is signed in. The session lives in an httpOnly cookie; the browser keeps only the CSRF
// token (in memory) that unsafe requests must echo.

export interface Grant {
  role: Role;
  scope: ScopeKind;
  unitId: string | null;
}

export interface Me {
  csrfToken: string | null;
  person: Person;
  grants: Grant[];
  tenant: { id: string; name: string; slug: string };
  mustChangePassword: boolean;
}

interface AuthValue {
  me: Me | null;
  loading: boolean;
  isAdmin: boolean;
  mustChangePassword: boolean;
  /** `tenant`: the slug chosen when the email has accounts in several tenants. */
  signIn(email: string, password: string, tenant?: string): Promise<Me>;
  signOut(): Promise<void>;
  passwordChanged(): void;
  /** True after signing out in this tab (the sign-in page says so), until the next sign-in. */
  signedOut: boolean;
  /** Drops every cached answer except the session: called by the sign-in page. */
  forgetOtherData(): void;
}

const AuthContext = createContext<AuthValue | null>(null);
const SESSION_KEY = ['session'] as const;
const MUST_CHANGE_KEY = 'styrbord.mustChangePassword';

async function fetchSession(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/v1/session', { quiet401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const [mustChangePassword, setMustChange] = useState(() => sessionStorage.getItem(MUST_CHANGE_KEY) === '1');
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      queryClient.setQueryData(SESSION_KEY, null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  const signIn = useCallback(
    async (email: string, password: string, tenant?: string) => {
      const me = await api.post<Me>('/api/v1/session', { email, password, tenant }, { quiet401: true });
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(SESSION_KEY, me);
      // Whatever was cached belongs to the previous session (if any): fetch it again when used.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      setMustChange(me.mustChangePassword);
      setSignedOut(false);
      if (me.mustChangePassword) sessionStorage.setItem(MUST_CHANGE_KEY, '1');
      return me;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.delete('/api/v1/session', { quiet401: true });
    } catch {
      // signed out already or offline: forget the session here anyway
    }
    setCsrfToken(null);
    sessionStorage.removeItem(MUST_CHANGE_KEY);
    setMustChange(false);
    setSignedOut(true);
    // The signed-in pages unmount when the session is gone; the sign-in page then forgets their
    // cached data (forgetOtherData). Removing queries that mounted pages still observe would
    // leave those observers on orphaned queries.
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient]);

  const forgetOtherData = useCallback(() => {
    queryClient.removeQueries({
      predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] && q.queryKey[0] !== 'sso',
    });
  }, [queryClient]);

  const passwordChanged = useCallback(() => {
    sessionStorage.removeItem(MUST_CHANGE_KEY);
    setMustChange(false);
    // The server lifts the block with the change; the cached session must say so too.
    queryClient.setQueryData<Me | null>(SESSION_KEY, (old) =>
      old ? { ...old, mustChangePassword: false } : old,
    );
  }, [queryClient]);

  const me = session.data ?? null;
  const value = useMemo<AuthValue>(
    () => ({
      me,
      loading: session.isPending,
      isAdmin: !!me?.grants.some((g) => g.role === 'admin' && g.scope === 'global'),
      mustChangePassword: !!me && (mustChangePassword || me.mustChangePassword),
      signIn,
      signOut,
      passwordChanged,
      signedOut,
      forgetOtherData,
    }),
    [me, session.isPending, mustChangePassword, signIn, signOut, passwordChanged, signedOut, forgetOtherData],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in person; only inside the signed-in shell. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
