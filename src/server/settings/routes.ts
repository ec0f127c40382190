import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ErrorBody, OfficeSettings, OfficeSettingsUpdate, Settings } from "../../shared/api.js";
import type { Deps } from "../deps.js";
import { changeContext } from "../http/context.js";
import { readOfficeSettings, updateOfficeSettings } from "./office.js";

const tags = ["settings"];

export const settingsRoutes =
  ({ db, config }: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      "/settings",
      {
        config: { access: "authenticated" },
        schema: {
          tags,
          summary: "网页端需要的设置：材料大小上限、黄灯提前天数",
          response: { 200: Settings, 401: ErrorBody },
        },
      },
      async () => ({ maxUploadBytes: config.maxUploadBytes, yellowDays: config.yellowDays }),
    );

    app.get(
      "/settings/office",
      {
        config: { access: { ability: "settings.manage" } },
        schema: {
          tags,
          summary: "办公室与文书：文书落款的办公室名称、联系人和联系电话，督办单、通报的文书模板",
          response: { 200: OfficeSettings, 401: ErrorBody, 403: ErrorBody },
        },
      },
      async () => readOfficeSettings(db, config),
    );

    app.patch(
      "/settings/office",
      {
        config: { access: { ability: "settings.manage" } },
        schema: {
          tags,
          summary: "修改办公室与文书设置(须带 version)；未给出的项不变，模板为 null 时恢复平台默认文字",
          body: OfficeSettingsUpdate,
          response: { 200: OfficeSettings, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody },
        },
      },
      async (request) => {
        await updateOfficeSettings(db, request.body, changeContext(request));
        return readOfficeSettings(db, config);
      },
    );
  };
