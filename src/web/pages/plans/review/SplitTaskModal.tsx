import { Button, Card, Col, Flex, type GetRef, Input, Modal, Row, Typography } from "antd";
import { useMemo, useRef, useState } from "react";
import type { Task } from "../../../../shared/api";

/** Where a sentence ends (after 。；;!？), as offsets where a second task could begin. */
function sentenceBreaks(text: string): number[] {
  const breaks: number[] = [];
  const re = /[。；;！!？?]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + 1;
    if (text.slice(at).trim()) breaks.push(at);
  }
  return breaks;
}

function usable(text: string, at: number | null): at is number {
  return at !== null && at > 0 && at < text.length && Boolean(text.slice(0, at).trim() && text.slice(at).trim());
}

type Props = { task: Task; saving: boolean; onClose: () => void; onSplit: (at: number) => void };

/** 拆分: the cursor in the task's words (or a sentence chosen below) marks where the second task begins. */
export function SplitTaskModal({ task, saving, onClose, onSplit }: Props) {
  const [at, setAt] = useState<number | null>(null);
  const area = useRef<GetRef<typeof Input.TextArea>>(null);
  const breaks = useMemo(() => sentenceBreaks(task.text), [task.text]);
  const ok = usable(task.text, at);

  const track = (element: HTMLTextAreaElement) => setAt(element.selectionStart);
  const choose = (offset: number) => {
    setAt(offset);
    const element = area.current?.resizableTextArea?.textArea;
    if (element) {
      element.focus();
      element.setSelectionRange(offset, offset);
    }
  };

  return (
    <Modal
      open
      title={`拆分任务 ${task.number}`}
      width={760}
      okText="拆分"
      okButtonProps={{ disabled: !ok }}
      confirmLoading={saving}
      onOk={() => ok && onSplit(at)}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        在下面的任务内容中点击要拆开的位置（光标之后的内容成为新的一项），或选择按句拆分。新任务沿用原任务的单位、完成时限和指标，请拆分后核对。
      </Typography.Paragraph>
      <Input.TextArea
        ref={area}
        aria-label="任务内容（点击选择拆分位置）"
        value={task.text}
        readOnly
        autoSize={{ minRows: 4, maxRows: 10 }}
        onSelect={(event) => track(event.currentTarget)}
        onClick={(event) => track(event.currentTarget)}
        onKeyUp={(event) => track(event.currentTarget)}
      />
      {breaks.length > 0 && (
        <Flex wrap gap={6} align="center" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">按句拆分：</Typography.Text>
          {breaks.map((offset) => (
            <Button
              key={offset}
              size="small"
              type={at === offset ? "primary" : "default"}
              onClick={() => choose(offset)}
            >
              从“{task.text.slice(offset, offset + 10).trim()}…”起
            </Button>
          ))}
        </Flex>
      )}
      <Row gutter={12} style={{ marginTop: 16 }}>
        {[
          { key: "first", title: `第一项（保留编号 ${task.number}）`, text: ok ? task.text.slice(0, at) : "" },
          { key: "second", title: "第二项（新任务）", text: ok ? task.text.slice(at) : "" },
        ].map((part) => (
          <Col span={12} key={part.key}>
            <Card size="small" title={part.title} styles={{ body: { maxHeight: 200, overflow: "auto" } }}>
              {part.text ? (
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                  {part.text.trim()}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">请先选择拆分位置</Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </Modal>
  );
}
