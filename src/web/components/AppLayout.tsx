import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CommentOutlined,
  DashboardOutlined,
  DownOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { App, Avatar, Button, Dropdown, Flex, Layout, Menu, type MenuProps, Typography } from "antd";
import { lazy, type ReactNode, Suspense } from "react";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import type { Ability } from "../../shared/domain";
import { errorMessage } from "../api/client";
import { useAuth } from "../auth/AuthContext";
import { NotificationBell } from "./NotificationBell";
import { PageLoading } from "./PageLoading";

// Loaded only when a session actually expires: the form code it needs is not part of the start-up bundle.
const SessionExpiredModal = lazy(() => import("./SessionExpiredModal"));

type Section = {
  path: string;
  label: string;
  icon: ReactNode;
  ability?: Ability;
  /** The label for users with this ability, where the section serves them differently. */
  overview?: { ability: Ability; label: string };
};

/** Every section of the app; the menu shows those the user's abilities allow. */
const SECTIONS: Section[] = [
  { path: "/", label: "工作台", icon: <HomeOutlined /> },
  // everybody: the office and the leaders see every unit, a unit its own
  { path: "/dashboard", label: "驾驶舱", icon: <DashboardOutlined />, ability: "assignments.read" },
  { path: "/plans", label: "方案管理", icon: <FileTextOutlined />, ability: "plans.read" },
  {
    path: "/assignments",
    label: "我的任务",
    icon: <ScheduleOutlined />,
    ability: "assignments.read",
    // the coordinator and the leaders follow every unit's assignments there
    overview: { ability: "assignments.read_all", label: "交办情况" },
  },
  { path: "/reports", label: "进展报告", icon: <FileDoneOutlined />, ability: "assignments.read" },
  { path: "/supervision-orders", label: "督办单", icon: <AlertOutlined />, ability: "assignments.read" },
  { path: "/bulletins", label: "通报", icon: <NotificationOutlined />, ability: "assignments.read" },
  { path: "/units", label: "单位管理", icon: <ApartmentOutlined />, ability: "units.read" },
  { path: "/users", label: "用户管理", icon: <TeamOutlined />, ability: "users.manage" },
  { path: "/channels", label: "消息渠道", icon: <CommentOutlined />, ability: "channels.manage" },
  { path: "/settings/office", label: "办公室与文书", icon: <SettingOutlined />, ability: "settings.manage" },
  { path: "/audit", label: "审计日志", icon: <AuditOutlined />, ability: "audit.read" },
];

function selectedSection(pathname: string): string {
  const match = SECTIONS.filter((s) => s.path !== "/" && pathname.startsWith(s.path)).at(0);
  return match?.path ?? (pathname === "/" ? "/" : "");
}

/** The signed-in frame: side menu, header with the user and their unit, and the current page. */
export function AppLayout() {
  const { me, can, logout, sessionExpired } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();

  const menuItems: MenuProps["items"] = SECTIONS.filter((s) => !s.ability || can(s.ability)).map((s) => ({
    key: s.path,
    icon: s.icon,
    label: s.overview && can(s.overview.ability) ? s.overview.label : s.label,
  }));

  const userMenu: MenuProps = {
    items: [
      { key: "notifications", icon: <BellOutlined />, label: "消息设置" },
      { key: "password", icon: <KeyOutlined />, label: "修改密码" },
      { type: "divider" },
      { key: "logout", icon: <LogoutOutlined />, label: "退出登录" },
    ],
    onClick: async ({ key }) => {
      if (key === "password" || key === "notifications") {
        navigate(`/account/${key}`);
        return;
      }
      try {
        await logout();
        message.success("已退出登录");
      } catch (error) {
        message.error(errorMessage(error));
      }
    },
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <Flex align="center" style={{ height: 64, padding: "0 16px" }}>
          <Typography.Text strong style={{ color: "#fff", fontSize: 15 }}>
            法治政府建设督导平台
          </Typography.Text>
        </Flex>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedSection(location.pathname)]}
          items={menuItems}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: "#fff",
            padding: "0 24px",
            display: "flex",
            justifyContent: "flex-end",
            alignItems: "center",
            borderBottom: "1px solid #f0f0f0",
          }}
        >
          <NotificationBell />
          <Dropdown menu={userMenu} trigger={["click"]}>
            <Button type="text" data-testid="user-menu" style={{ height: "auto", padding: "4px 8px" }}>
              <Flex align="center" gap={8}>
                <Avatar size="small" icon={<UserOutlined />} />
                <span>{me?.user.displayName}</span>
                {me?.unit && <Typography.Text type="secondary">{me.unit.name}</Typography.Text>}
                <DownOutlined style={{ fontSize: 12 }} />
              </Flex>
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {sessionExpired && (
        <Suspense fallback={null}>
          <SessionExpiredModal />
        </Suspense>
      )}
    </Layout>
  );
}
