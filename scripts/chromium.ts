/**
 * Debian's Chromium as this project drives it (browser tests, PDF fixtures): headless, and with nothing that would
 * reach out to the network, which these machines do not have (STACK.md).
 */
export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
