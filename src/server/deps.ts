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
