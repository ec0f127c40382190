import { DownloadOutlined, SaveOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Flex, Form, Popconfirm, Space } from "antd";
import { useCallback, useState } from "react";
import { Link, useParams } from "react-router-dom";
import type { Bulletin } from "../../../shared/api";
import { bulletinLink } from "../../../shared/links";
import { api, errorMessage } from "../../api/client";
import { PageLoading } from "../../components/PageLoading";
import { NotFound } from "../../components/ResultPages";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useFormSave } from "../../components/useFormSave";
import { useRemote } from "../../components/useRemote";
import { timeText } from "../reports/labels";
import { BulletinDocument } from "./BulletinDocument";
import { BulletinStatusTag } from "./labels";

type Words = { title: string; intro: string; closing: string };
const WORD_FIELDS = ["title", "intro", "closing"] as const;
const wordsOf = (b: Bulletin): Words => ({ title: b.title, intro: b.intro, closing: b.closing });

function Facts({ bulletin }: { bulletin: Bulletin }) {
  const named = bulletin.namedUnits;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: "plan", label: "方案", children: bulletin.plan.title, span: 2 },
        {
          key: "period",
          label: "通报期间",
          children: `${bulletin.periodName}（${bulletin.periodStart} 至 ${bulletin.periodEnd}）`,
        },
        {
          key: "units",
          label: "涉及单位",
          children: `${bulletin.content.units.length} 家，其中被点名 ${named} 家`,
        },
        {
          key: "created",
          label: "生成",
          children: `${bulletin.createdBy ?? "—"} ${timeText(bulletin.createdAt)}`,
        },
        ...(bulletin.publishedAt
          ? [
              {
                key: "published",
                label: "发布",
                children: `${bulletin.publishedBy ?? ""} ${timeText(bulletin.publishedAt)}`,
              },
            ]
          : []),
      ]}
    />
  );
}

function BulletinDetail({ id }: { id: number }) {
  const { message } = App.useApp();
  const fetch = useCallback(() => api.bulletins.get(id), [id]);
  const { data: bulletin, loading, error, setData } = useRemote<Bulletin | null>(fetch, null);
  const [form] = Form.useForm<Words>();
  const { saving, error: saveError, save, conflictOffer } = useFormSave<Bulletin>(form, WORD_FIELDS);
  const [publishing, setPublishing] = useState(false);
  useDocumentTitle(bulletin ? (bulletin.docNumber ?? "通报草稿") : "通报");

  if (!bulletin) return loading ? <PageLoading /> : <NotFound />;
  const editable = bulletin.canEdit;

  const show = (next: Bulletin) => {
    setData(next);
    form.setFieldsValue(wordsOf(next));
  };
  /** Saves the words; answers the bulletin as saved, or null when it was not. */
  const saveWords = async () => {
    const values = await form.validateFields();
    const saved = await save(
      async () => {
        const next = await api.bulletins.update(bulletin.id, { version: bulletin.version, ...values });
        show(next);
        return next;
      },
      { onConflict: async () => api.bulletins.get(bulletin.id) },
    );
    return saved?.value ?? null;
  };
  const publish = async () => {
    setPublishing(true);
    try {
      // what is on the page is what gets published
      const current = form.isFieldsTouched() ? await saveWords() : bulletin;
      if (!current) return;
      const published = await api.bulletins.publish(bulletin.id, current.version);
      show(published);
      message.success(`已发布 ${published.docNumber}，已通知通报中列出的各单位`);
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setPublishing(false);
    }
  };
  const download = () =>
    api.bulletins
      .downloadDocx(bulletin.id, `${bulletin.docNumber ?? "通报草稿"}-${bulletin.title}`)
      .catch((failure) => message.error(errorMessage(failure)));

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to={bulletinLink()}>通报</Link> }, { title: bulletin.docNumber ?? "草稿" }]} />
      {error && <Alert type="error" showIcon title={error} />}
      <Card
        title={
          <Space>
            <span>{bulletin.docNumber ?? "通报草稿"}</span>
            <BulletinStatusTag status={bulletin.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <Button
                icon={<SaveOutlined />}
                loading={saving}
                onClick={async () => {
                  if (await saveWords()) message.success("已保存");
                }}
              >
                保存
              </Button>
            )}
            {editable && (
              <Popconfirm
                title="发布通报"
                description="发布后编号，并通知通报中列出的各单位，不能再修改。"
                okText="发布"
                onConfirm={publish}
              >
                <Button type="primary" icon={<SendOutlined />} loading={publishing}>
                  发布
                </Button>
              </Popconfirm>
            )}
            <Button icon={<DownloadOutlined />} onClick={download}>
              下载Word
            </Button>
          </Space>
        }
      >
        <Flex vertical gap={16}>
          <Facts bulletin={bulletin} />
          {editable && (
            <Alert
              type="info"
              showIcon
              title="可修改标题、开头和工作要求；表格按生成时的数据列出。发布前可随时保存。"
            />
          )}
          <SaveErrorAlert error={saveError} conflict={conflictOffer(show)} />
          <Form form={form} initialValues={wordsOf(bulletin)} component={false}>
            <BulletinDocument bulletin={bulletin} editable={editable} />
          </Form>
        </Flex>
      </Card>
    </Flex>
  );
}

/** One bulletin: the office edits a draft's words and publishes it; everyone downloads it as Word. */
export default function BulletinPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id < 1) return <NotFound />;
  return <BulletinDetail key={id} id={id} />;
}
