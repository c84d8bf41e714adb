// Faults of the storage under the database (a full disk, a read-only or failing disk, a
// data folder gone): any command can meet one, and the whole window says so — a banner
// with "Check again" — besides the form whose save was refused.
import type { ApiError } from "./api/types/ApiError";

const CODES: readonly string[] = ["disk_full", "read_only", "storage_failed", "data_gone"];

/** Whether `e` is an ApiError that a fault of the storage caused (its `field` is the place).
 *  Not a type guard: an ApiError that is not one stays an ApiError. */
export function isStorageFault(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && CODES.includes(String((e as ApiError).code));
}

type Listener = (fault: ApiError) => void;
const listeners = new Set<Listener>();

/** Tells every listener (the banner) of a storage fault a command met. */
export function reportStorageFault(fault: ApiError) {
  listeners.forEach((l) => l(fault));
}

/** Calls `listener` with each storage fault reported; returns the unsubscribe. */
export function onStorageFault(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
