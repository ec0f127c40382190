/** The wire contract of /api for settings: what the web page needs, and the office's particulars and templates. */
import { type Static, Type } from "typebox";
import { TEMPLATE_MAX_LENGTH } from "../domain.js";
import { MAX_INT, Name, Nullable } from "./common.js";

/** The settings the browser needs to act as the server will: the upload limit, the yellow-light days. */
export const Settings = Type.Object({
  maxUploadBytes: Type.Integer(),
  yellowDays: Type.Integer(),
});
export type Settings = Static<typeof Settings>;

const TemplateTexts = Type.Object({
  orderTitle: Type.String(),
  orderBody: Type.String(),
  bulletinRectify: Type.String(),
  bulletinPraise: Type.String(),
  bulletinCall: Type.String(),
});

/** 办公室与文书: the name the papers bear, their contact line, and the wording templates in use. */
export const OfficeSettings = Type.Object({
  officeName: Type.String(),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  /** every template as it is used now */
  templates: TemplateTexts,
  /** the templates the office reworded (the others are the platform's) */
  customized: Type.Array(Type.String()),
  version: Type.Integer(),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
});
export type OfficeSettings = Static<typeof OfficeSettings>;

const Template = Nullable(Type.String({ maxLength: TEMPLATE_MAX_LENGTH }));

export const OfficeSettingsUpdate = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  officeName: Type.Optional(Name(60)),
  contactName: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  /** digits, with the usual 区号 dash, spaces, brackets or a leading + */
  contactPhone: Type.Optional(Nullable(Type.String({ maxLength: 30, pattern: "^[0-9+()（）\\- ]*$" }))),
  /** the templates reworded; null puts the platform's words back */
  templates: Type.Optional(
    Type.Object(
      {
        orderTitle: Type.Optional(Template),
        orderBody: Type.Optional(Template),
        bulletinRectify: Type.Optional(Template),
        bulletinPraise: Type.Optional(Template),
        bulletinCall: Type.Optional(Template),
      },
      { additionalProperties: false },
    ),
  ),
});
export type OfficeSettingsUpdate = Static<typeof OfficeSettingsUpdate>;
