import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";

export function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，请检查地址或从左侧菜单进入。"
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          返回工作台
        </Button>
      }
    />
  );
}
