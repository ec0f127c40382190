import path from "node:path";
import { ROOT } from "./root.js";

/** Where the built web app is: written by `vite build`, served by the server. */
export const WEB_DIR = path.join(ROOT, "dist/web");
