/**
 * The request edge before schema validation. Bodies are validated as JSON sent them (no type coercion); the
 * querystring, path parameters and headers arrive as text, so their numbers and booleans are read here, and only in
 * their canonical decimal spelling (`16`, never `0x10`, ` 16`, `1e1` or `016`). And no text anywhere may carry a
 * control character: NUL breaks PostgreSQL text and every log line, so it is refused here with validation_failed
 * instead of failing in the database.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { cleanName, hasControlChars } from "../../core/text/invisible.js";
import { NAME_MARK } from "../../shared/api.js";
import { AppError } from "./errors.js";
import { chineseIssue, type ValidationIssue } from "./validation-messages.js";

/** The validation keyword of a refused control character (see validation-messages.ts). */
export const CONTROL_CHARS_KEYWORD = "controlChars";

interface JsonSchema {
  $comment?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

type Coerce = (value: unknown) => unknown;

const INTEGER = /^-?(?:0|[1-9]\d*)$/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

function typesOf(schema: JsonSchema, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema.type)) for (const type of schema.type) into.add(type);
  else if (schema.type) into.add(schema.type);
  for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) typesOf(sub, into);
  return into;
}

/** How one text value of a querystring, path or header field becomes the type its schema declares. */
function coercerOf(schema: JsonSchema): Coerce | undefined {
  const types = typesOf(schema);
  if (types.has("array")) {
    const item = schema.items ? coercerOf(schema.items) : undefined;
    // ?status=a is a list of one, as ?status=a&status=b is a list of two
    return (value) => {
      const list = Array.isArray(value) ? value : [value];
      return item ? list.map(item) : list;
    };
  }
  // a field that takes text keeps the text as it came
  if (types.has("string")) return undefined;
  const integer = types.has("integer");
  const number = types.has("number");
  const boolean = types.has("boolean");
  if (!integer && !number && !boolean) return undefined;
  return (value) => {
    if (typeof value !== "string") return value;
    if ((integer && INTEGER.test(value)) || (number && NUMBER.test(value))) return Number(value);
    if (boolean && (value === "true" || value === "false")) return value === "true";
    // anything else stays text, and the schema refuses it as not a number
    return value;
  };
}

const coercers = new WeakMap<object, (fields: Record<string, unknown>) => void>();

function objectCoercer(schema: JsonSchema): (fields: Record<string, unknown>) => void {
  let coerce = coercers.get(schema);
  if (!coerce) {
    const fields = Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
      const one = coercerOf(field);
      return one ? [[name, one] as const] : [];
    });
    coerce = (values) => {
      for (const [name, one] of fields) {
        if (values[name] !== undefined) values[name] = one(values[name]);
      }
    };
    coercers.set(schema, coerce);
  }
  return coerce;
}

/** The JSON pointer of a key below `parent`. */
const pointer = (parent: string, key: string | number) =>
  `${parent}/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;

/**
 * The first place in `value` (keys included) where text holds a control character; tab, line feed and carriage
 * return are allowed, as long texts hold them. Walked without recursion: a body may nest deeper than the stack.
 */
export function controlCharIssue(value: unknown): ValidationIssue | undefined {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === "string") {
      if (hasControlChars(current)) return { keyword: CONTROL_CHARS_KEYWORD, instancePath: path, params: {} };
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => {
        stack.push([item, pointer(path, index)]);
      });
    } else if (typeof current === "object" && current !== null && !Buffer.isBuffer(current)) {
      for (const [key, item] of Object.entries(current)) {
        if (hasControlChars(key))
          return { keyword: CONTROL_CHARS_KEYWORD, instancePath: pointer(path, key), params: {} };
        stack.push([item, pointer(path, key)]);
      }
    }
  }
  return undefined;
}

/** Refuses, as the schema would, a value holding a control character: for form fields read by a handler. */
export function refuseControlChars(value: unknown): void {
  const issue = controlCharIssue(value);
  if (!issue) return;
  const detail = chineseIssue(issue);
  throw new AppError(400, "validation_failed", `提交的内容不符合要求：${detail.message}`, [detail]);
}

type Part = "querystring" | "params" | "headers";
const REQUEST_FIELD: Record<Part, "query" | "params" | "headers"> = {
  querystring: "query",
  params: "params",
  headers: "headers",
};

function readTextParts(request: FastifyRequest): void {
  const schema = request.routeOptions.schema as Partial<Record<Part, JsonSchema>> | undefined;
  if (!schema) return;
  for (const part of ["querystring", "params", "headers"] as const) {
    const partSchema = schema[part];
    const values = request[REQUEST_FIELD[part]] as Record<string, unknown> | undefined;
    if (partSchema && values) objectCoercer(partSchema)(values);
  }
}

type Clean = (value: unknown) => unknown;
const cleaners = new WeakMap<object, Clean | null>();

/**
 * How a body's names (the schema's Name fields, wherever they sit) lose their zero-width and bidi characters and
 * their line breaks before validation and storage: `报告\u202Egpj` is stored as it reads. Undefined: no names.
 */
function cleanerOf(schema: JsonSchema): Clean | undefined {
  const known = cleaners.get(schema);
  if (known !== undefined) return known ?? undefined;
  let clean: Clean | undefined;
  if (schema.$comment === NAME_MARK) {
    clean = (value) => (typeof value === "string" ? cleanName(value) : value);
  } else if (schema.items) {
    const item = cleanerOf(schema.items);
    if (item) clean = (value) => (Array.isArray(value) ? value.map(item) : value);
  } else if (schema.properties) {
    const fields = Object.entries(schema.properties).flatMap(([name, field]) => {
      const one = cleanerOf(field);
      return one ? [[name, one] as const] : [];
    });
    if (fields.length) {
      clean = (value) => {
        if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
        const object = value as Record<string, unknown>;
        for (const [name, one] of fields) if (object[name] !== undefined) object[name] = one(object[name]);
        return object;
      };
    }
  }
  cleaners.set(schema, clean ?? null);
  return clean;
}

/** Before every route's schema validation: text parts read strictly, control characters refused everywhere. */
export function registerEdge(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    for (const value of [request.params, request.query, request.body]) refuseControlChars(value);
    readTextParts(request);
    const body = (request.routeOptions.schema as { body?: JsonSchema } | undefined)?.body;
    const clean = body && cleanerOf(body);
    if (clean) request.body = clean(request.body);
  });
}
