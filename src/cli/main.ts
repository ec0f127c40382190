/** The fazhi command line: one entry point for the server, migrations, demo data, accounts and the parser. */

type Command = { summary: string; run: (argv: string[]) => Promise<number> };

const commands: Record<string, () => Promise<Command>> = {
  parse: async () => (await import("./commands/parse.js")).parseCommand,
};

function usage(): string {
  return "Usage: fazhi <command> [options]";
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    console.log(usage());
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`fazhi: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  return (await load()).run(rest);
}
