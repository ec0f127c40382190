import { StartRefused } from "../server/boot.js";
import { type Config, ConfigError, loadConfig } from "../server/config.js";

/** Loads the configuration and runs a command with it; a bad setting or a refused start exits with code 2. */
export async function withConfig(run: (config: Config) => Promise<number>): Promise<number> {
  try {
    return await run(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartRefused) {
      console.error(`fazhi: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
