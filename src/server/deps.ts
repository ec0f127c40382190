/** What the feature routes of the work loop share: the database, the clock, the configuration, the evidence store. */
import { chinaDay } from "../core/calendar.js";
import type { SignalDay } from "./assignments/service.js";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import type { FileStore } from "./files/store.js";

export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  files: FileStore;
}

/** Today in China and the configured warning days: what signals are taken on. */
export const signalDay = (deps: Deps): SignalDay => ({
  today: chinaDay(deps.clock()),
  yellowDays: deps.config.yellowDays,
});

/** What an answer with signals was taken on, for a ChangeCache: the signals move with the day. */
export const signalBasis = (day: SignalDay): string => `${day.today}|${day.yellowDays}`;

/** A request's query as one key, whatever order its parameters came in. */
export const queryKey = (query: object): string =>
  JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
