import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { Me } from "../../shared/api";
import type { Ability } from "../../shared/domain";
import { ApiError, api, setUnauthorizedHandler, type UnauthorizedCall } from "../api/client";

type AuthStatus = "loading" | "anonymous" | "authenticated" | "unreachable";

type AuthValue = {
  status: AuthStatus;
  /** The signed-in user, as GET /api/auth/me reports it; null until signed in. */
  me: Me | null;
  /** True after the user chose 退出登录 (as opposed to a session that expired): no page to come back to. */
  loggedOut: boolean;
  /**
   * The session ended while the user was changing something: the page stays (with whatever was typed) and the
   * user signs in again in place, then resubmits.
   */
  sessionExpired: boolean;
  /** Signs the same user in again after sessionExpired. */
  relogin: (password: string) => Promise<void>;
  /** Gives up on the current page and goes to the login page (which brings the user back here). */
  abandonSession: () => void;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** Re-reads /api/auth/me (after a failed first load, for example). */
  refresh: () => Promise<void>;
  can: (ability: Ability) => boolean;
};

const AuthContext = createContext<AuthValue | null>(null);

/** Holds who is signed in; every page reads it through useAuth(). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>("loading");
  const [me, setMe] = useState<Me | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);
  const [sessionExpired, setSessionExpired] = useState(false);
  const expiredRef = useRef(false);

  const signOutLocally = useCallback(() => {
    expiredRef.current = false;
    setSessionExpired(false);
    setMe(null);
    setStatus("anonymous");
  }, []);

  const onUnauthorized = useCallback(
    (call: UnauthorizedCall) => {
      // A failed read loses nothing: go to the login page and come back. A failed change may carry typed work,
      // so keep the page and ask for the password in place (and keep doing so for reads that follow).
      if (call.method === "GET" && !expiredRef.current) {
        signOutLocally();
        return;
      }
      expiredRef.current = true;
      setSessionExpired(true);
    },
    [signOutLocally],
  );

  const refresh = useCallback(async () => {
    try {
      const current = await api.auth.me();
      setMe(current);
      setStatus("authenticated");
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) signOutLocally();
      else setStatus("unreachable");
    }
  }, [signOutLocally]);

  useEffect(() => {
    setUnauthorizedHandler(onUnauthorized);
    void refresh();
    return () => setUnauthorizedHandler(null);
  }, [refresh, onUnauthorized]);

  const login = useCallback(async (username: string, password: string) => {
    const current = await api.auth.login({ username, password });
    setMe(current);
    setLoggedOut(false);
    setStatus("authenticated");
    return current;
  }, []);

  const relogin = useCallback(
    async (password: string) => {
      if (!me) throw new Error("relogin needs a signed-in user");
      const current = await api.auth.login({ username: me.user.username, password });
      expiredRef.current = false;
      setSessionExpired(false);
      setMe(current);
    },
    [me],
  );

  const logout = useCallback(async () => {
    try {
      await api.auth.logout();
    } catch (error) {
      // An already expired session is as good as a logout; anything else leaves the session alive, so say so.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setLoggedOut(true);
    signOutLocally();
  }, [signOutLocally]);

  const value = useMemo<AuthValue>(
    () => ({
      status,
      me,
      loggedOut,
      sessionExpired,
      relogin,
      abandonSession: signOutLocally,
      login,
      logout,
      refresh,
      can: (ability) => me?.abilities.includes(ability) ?? false,
    }),
    [status, me, loggedOut, sessionExpired, relogin, signOutLocally, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}
