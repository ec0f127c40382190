import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";

/** What a user sees on a page their roles do not allow. */
export function Forbidden() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权限"
      subTitle="您没有访问此页面的权限。如需开通，请联系系统管理员。"
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          返回工作台
        </Button>
      }
    />
  );
}
