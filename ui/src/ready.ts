import { useEffect } from "react";
import { useApi } from "./api";

let marked = false;

/**
 * Tells the app, once per start, that the first screen shows its data — after the browser
 * has painted it. Start-up benchmarks measure up to this moment (CLUB_PLANNER_READY_FILE).
 */
export function useReadyMark(screen: string, shown: boolean) {
  const api = useApi();
  useEffect(() => {
    if (!shown || marked) return;
    marked = true;
    requestAnimationFrame(() => setTimeout(() => void api.call("app_ready", { screen }).catch(() => {}), 0));
  }, [api, screen, shown]);
}
