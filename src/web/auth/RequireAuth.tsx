import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { PageLoading } from "../components/PageLoading";
import { useAuth } from "./AuthContext";
import { loginPathFor } from "./redirect";

/** Renders its children only for a signed-in user; otherwise sends the browser to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, loggedOut, refresh } = useAuth();
  const location = useLocation();

  if (status === "loading") return <PageLoading fullScreen />;
  if (status === "unreachable") {
    return (
      <Result
        status="warning"
        title="无法连接服务器"
        subTitle="请检查网络后重试。"
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            重试
          </Button>
        }
      />
    );
  }
  if (status === "anonymous") {
    const target = loggedOut ? "/login" : loginPathFor(`${location.pathname}${location.search}`);
    return <Navigate to={target} replace />;
  }
  return children;
}
