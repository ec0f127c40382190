import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { openConfiguredDatabase } from "../../server/boot.js";
import { units } from "../../server/db/schema.js";
import { AppError } from "../../server/http/errors.js";
import { createUser, resetPassword } from "../../server/users/service.js";
import { ROLES, type Role } from "../../shared/domain.js";
import { withConfig } from "../config.js";

const CLI = { actorId: null, ip: "cli" };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

const USAGE = `Usage:
  fazhi user add --username U --role R [--role R2] [--unit NAME] [--name DISPLAY] --password-stdin
  fazhi user reset-password U        (new password from standard input; on a terminal a random one is made and printed)`;

async function add(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: "string" },
      role: { type: "string", multiple: true },
      unit: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
  });
  const roles = values.role ?? [];
  if (!values.username || roles.length === 0 || !values["password-stdin"]) {
    console.error(USAGE);
    return 2;
  }
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) {
    console.error(`fazhi: unknown role ${unknown.join(", ")}; roles are ${ROLES.join(", ")}`);
    return 2;
  }
  const password = await readStdin();
  return withConfig(async (config) => {
    const database = await openConfiguredDatabase(config);
    try {
      await database.migrate();
      let unitId: number | null = null;
      if (values.unit) {
        const [unit] = await database.db.select({ id: units.id }).from(units).where(eq(units.name, values.unit));
        if (!unit) {
          console.error(`fazhi: 单位“${values.unit}”不存在`);
          return 1;
        }
        unitId = unit.id;
      }
      const user = await createUser(
        database.db,
        {
          username: values.username as string,
          displayName: values.name ?? (values.username as string),
          roles: roles as Role[],
          unitId,
          password,
        },
        CLI,
      );
      console.log(
        `已创建用户 ${user.username} (id ${user.id}, 角色 ${user.roles.join(", ")}${user.unitName ? `, 单位 ${user.unitName}` : ""})`,
      );
      return 0;
    } finally {
      await database.close();
    }
  });
}

async function reset(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const [username] = positionals;
  if (!username || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const generated = process.stdin.isTTY ? `${randomBytes(9).toString("base64url")}7a` : null;
  const password = generated ?? (await readStdin());
  return withConfig(async (config) => {
    const database = await openConfiguredDatabase(config);
    try {
      await database.migrate();
      await resetPassword(database.db, username, password, CLI);
      console.log(generated ? `已重置 ${username} 的密码为：${generated}` : `已重置 ${username} 的密码`);
      return 0;
    } finally {
      await database.close();
    }
  });
}

export const userCommand = {
  summary: "add a user or reset a password",
  run: async (argv: string[]) => {
    const [sub, ...rest] = argv;
    try {
      if (sub === "add") return await add(rest);
      if (sub === "reset-password") return await reset(rest);
    } catch (error) {
      if (error instanceof AppError) {
        console.error(`fazhi: ${error.message}`);
        return 1;
      }
      throw error;
    }
    console.error(USAGE);
    return 2;
  },
};
