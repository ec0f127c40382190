import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";

type Props = { status: "403" | "404"; title: string; subTitle: string };

/** A full-page answer in place of the page asked for, with the way back to the dashboard. */
function BackHomeResult({ status, title, subTitle }: Props) {
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={title}
      subTitle={subTitle}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          返回工作台
        </Button>
      }
    />
  );
}

/** What a user sees on a page their roles do not allow. */
export function Forbidden() {
  return <BackHomeResult status="403" title="无权限" subTitle="您没有访问此页面的权限。如需开通，请联系系统管理员。" />;
}

export function NotFound() {
  return <BackHomeResult status="404" title="页面不存在" subTitle="您访问的页面不存在，请检查地址或从左侧菜单进入。" />;
}
