// The one place that talks to Rust. `call` takes a command's name and arguments as
// `Commands` (commands.ts, generated from Rust) declares them, so a misspelt name or a
// wrong argument does not compile; a failure arrives as an ApiError
// ({ code, message, field?, reason? }).
import { invoke } from "@tauri-apps/api/core";
import type { Commands } from "./commands";
import type { ApiError } from "./types/ApiError";
import { isStorageFault, reportStorageFault } from "../storage";

/** A command's name. */
export type Command = keyof Commands;
/** What a command takes (its Rust arguments, camelCase). */
export type Args<K extends Command> = Commands[K]["args"];
/** What a command answers. */
export type Result<K extends Command> = Commands[K]["result"];
/** The parameters after a command's name: the arguments, optional when it takes none. */
export type ArgsParam<K extends Command> = Args<K> extends Record<string, never> ? [args?: Args<K>] : [args: Args<K>];
/** The type of `call`, for whatever stands in for it (a test's fake). */
export type Call = <K extends Command>(command: K, ...args: ArgsParam<K>) => Promise<Result<K>>;

export function isApiError(e: unknown): e is ApiError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

export async function call<K extends Command>(command: K, ...args: ArgsParam<K>): Promise<Result<K>> {
  try {
    return await invoke<Result<K>>(command, args[0]);
  } catch (e) {
    if (isStorageFault(e)) reportStorageFault(e as ApiError);
    if (isApiError(e)) throw e;
    const error: ApiError = { code: "internal", message: String(e) };
    throw error;
  }
}
