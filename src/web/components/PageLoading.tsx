import { Flex, Spin } from "antd";

/** A centred spinner while a page or the session loads. */
export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? "100vh" : 240 }}>
      <Spin size="large" />
    </Flex>
  );
}
