/** The fazhi command line: one entry point for the server, migrations, demo data, accounts and the parser. */

type Command = { summary: string; run: (argv: string[]) => Promise<number> };

const commands: Record<string, () => Promise<Command>> = {
  start: async () => (await import("./commands/start.js")).startCommand,
  serve: async () => (await import("./commands/serve.js")).serveCommand,
  migrate: async () => (await import("./commands/migrate.js")).migrateCommand,
  demo: async () => (await import("./commands/demo.js")).demoCommand,
  user: async () => (await import("./commands/user.js")).userCommand,
  parse: async () => (await import("./commands/parse.js")).parseCommand,
  jobs: async () => (await import("./commands/jobs.js")).jobsCommand,
  backup: async () => (await import("./commands/backup.js")).backupCommand,
  restore: async () => (await import("./commands/backup.js")).restoreCommand,
  check: async () => (await import("./commands/backup.js")).checkCommand,
};

const HELP = `fazhi — 法治政府建设督导平台

Usage: fazhi <command> [options]

Commands:
  start                      build the web app when needed, then serve (npm start)
  serve                      start the server: migrates, loads demo data into an empty database in demo mode
  migrate                    apply the database migrations
  demo                       load the demo district and accounts (running it twice changes nothing)
  user add --username U --role R [--unit NAME] [--name DISPLAY] --password-stdin
  user reset-password U      set a new password (from standard input, or a random one on a terminal)
  parse FILE... [--json]     parse plan documents (txt, docx, pdf, xlsx, html) into tasks
  jobs run [--now ISO-TIME]  run the due jobs once: reminders and urging notices (each sent once)
  backup FILE                the database and the evidence files in one archive (consistent while PostgreSQL serves)
  restore FILE [--force]     restore an archive into an empty database and data directory
  check                      report evidence rows whose file is missing or damaged (exit code 1 if any)

Configuration (environment variables):
  PORT (3000)  HOST (127.0.0.1)  DATABASE_URL (PostgreSQL; unset = embedded PGlite)
  FAZHI_DATA_DIR (./data)  FAZHI_MODE (demo | production)  FAZHI_SESSION_SECRET  FAZHI_DEMO_PASSWORD
  FAZHI_LOG_LEVEL (info)  FAZHI_SESSION_IDLE_MINUTES (120)  FAZHI_SESSION_ABSOLUTE_HOURS (12)
  FAZHI_LOGIN_MAX_FAILURES (5)  FAZHI_LOGIN_LOCK_MINUTES (15)  FAZHI_LOGIN_ATTEMPTS_PER_MINUTE (20)
  FAZHI_TRUST_PROXY (0: reverse proxies whose X-Forwarded-* headers are believed)
  FAZHI_MAX_UPLOAD_MB (50: largest evidence file)  FAZHI_YELLOW_DAYS (3: days before a due date that turn yellow)
  FAZHI_JOBS_INTERVAL_MINUTES (15: how often the server runs the due jobs; 0: never, run them with fazhi jobs run)
  FAZHI_SMTP_URL (smtp[s]://user:pass@host:port; unset = no email)  FAZHI_SMTP_FROM (the sender address)
  FAZHI_PUBLIC_URL (the address people open fazhi at: links in emails and robot messages)`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`fazhi: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  return (await load()).run(rest);
}
