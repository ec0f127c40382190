import type { Settings } from "../../shared/api";
import { api } from "../api/client";
import { useRemote } from "./useRemote";

// what the server applies when nothing else is known yet: its defaults
const DEFAULTS: Settings = { maxUploadBytes: 50 * 1024 * 1024, yellowDays: 3 };

const loadSettings = () => api.settings();

/** The server's settings the browser acts on (the upload limit, the yellow-light days). */
export function useSettings(): Settings {
  return useRemote<Settings>(loadSettings, DEFAULTS).data;
}
