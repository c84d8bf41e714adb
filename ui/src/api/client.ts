// The one place that talks to Rust. Every command is a typed wrapper over `invoke`;
// a failure arrives as an ApiError ({ code, message, field?, reason? }).
import { invoke } from "@tauri-apps/api/core";
import type { ApiError } from "./types/ApiError";

export function isApiError(e: unknown): e is ApiError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isApiError(e)) throw e;
    const error: ApiError = { code: "internal", message: String(e) };
    throw error;
  }
}
