import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router-dom";
import { RequireAbility } from "./auth/RequireAbility";
import { RequireAuth } from "./auth/RequireAuth";
import { AppLayout } from "./components/AppLayout";
import { PageLoading } from "./components/PageLoading";
import { NotFound } from "./components/ResultPages";

// One chunk per page: a user downloads only the pages they open.
const LoginPage = lazy(() => import("./pages/login/LoginPage"));
const HomePage = lazy(() => import("./pages/home/HomePage"));
const DashboardPage = lazy(() => import("./pages/dashboard/DashboardPage"));
const UnitsPage = lazy(() => import("./pages/units/UnitsPage"));
const UsersPage = lazy(() => import("./pages/users/UsersPage"));
const AuditPage = lazy(() => import("./pages/audit/AuditPage"));
const PlansPage = lazy(() => import("./pages/plans/PlansPage"));
const PlanReviewPage = lazy(() => import("./pages/plans/review/PlanReviewPage"));
const PlanProgressPage = lazy(() => import("./pages/plans/progress/PlanProgressPage"));
const AssignmentsPage = lazy(() => import("./pages/assignments/AssignmentsPage"));
const AssignmentPage = lazy(() => import("./pages/assignments/AssignmentPage"));
const SupervisionOrdersPage = lazy(() => import("./pages/supervision/SupervisionOrdersPage"));
const SupervisionOrderPage = lazy(() => import("./pages/supervision/SupervisionOrderPage"));
const BulletinsPage = lazy(() => import("./pages/bulletins/BulletinsPage"));
const ReportsPage = lazy(() => import("./pages/reports/ReportsPage"));
const BulletinPage = lazy(() => import("./pages/bulletins/BulletinPage"));
const ChannelsPage = lazy(() => import("./pages/channels/ChannelsPage"));
const OfficeSettingsPage = lazy(() => import("./pages/settings/OfficeSettingsPage"));
const ChangePasswordPage = lazy(() => import("./pages/account/ChangePasswordPage"));
const NotificationSettingsPage = lazy(() => import("./pages/account/NotificationSettingsPage"));

export function App() {
  return (
    <Suspense fallback={<PageLoading fullScreen />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route
            path="dashboard"
            element={
              <RequireAbility ability="assignments.read">
                <DashboardPage />
              </RequireAbility>
            }
          />
          <Route
            path="plans"
            element={
              <RequireAbility ability="plans.read">
                <PlansPage />
              </RequireAbility>
            }
          />
          <Route
            path="plans/:id"
            element={
              <RequireAbility ability="plans.read">
                <PlanReviewPage />
              </RequireAbility>
            }
          />
          <Route
            path="plans/:id/progress"
            element={
              <RequireAbility ability="assignments.read_all">
                <PlanProgressPage />
              </RequireAbility>
            }
          />
          <Route
            path="assignments"
            element={
              <RequireAbility ability="assignments.read">
                <AssignmentsPage />
              </RequireAbility>
            }
          />
          <Route
            path="assignments/:id"
            element={
              <RequireAbility ability="assignments.read">
                <AssignmentPage />
              </RequireAbility>
            }
          />
          <Route
            path="supervision-orders"
            element={
              <RequireAbility ability="assignments.read">
                <SupervisionOrdersPage />
              </RequireAbility>
            }
          />
          <Route
            path="supervision-orders/:id"
            element={
              <RequireAbility ability="assignments.read">
                <SupervisionOrderPage />
              </RequireAbility>
            }
          />
          <Route
            path="reports"
            element={
              <RequireAbility ability="assignments.read">
                <ReportsPage />
              </RequireAbility>
            }
          />
          <Route
            path="bulletins"
            element={
              <RequireAbility ability="assignments.read">
                <BulletinsPage />
              </RequireAbility>
            }
          />
          <Route
            path="bulletins/:id"
            element={
              <RequireAbility ability="assignments.read">
                <BulletinPage />
              </RequireAbility>
            }
          />
          <Route
            path="units"
            element={
              <RequireAbility ability="units.read">
                <UnitsPage />
              </RequireAbility>
            }
          />
          <Route
            path="users"
            element={
              <RequireAbility ability="users.manage">
                <UsersPage />
              </RequireAbility>
            }
          />
          <Route
            path="channels"
            element={
              <RequireAbility ability="channels.manage">
                <ChannelsPage />
              </RequireAbility>
            }
          />
          <Route
            path="settings/office"
            element={
              <RequireAbility ability="settings.manage">
                <OfficeSettingsPage />
              </RequireAbility>
            }
          />
          <Route
            path="audit"
            element={
              <RequireAbility ability="audit.read">
                <AuditPage />
              </RequireAbility>
            }
          />
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route path="account/notifications" element={<NotificationSettingsPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
