import { useEffect, useState } from "react";

/** `value` once it has stopped changing for `ms` (an empty one at once): a search box asks
 *  once for what was typed, not once per letter (100,000 people: each letter's answer is a
 *  list of nearly all of them). */
export function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === "") {
      setSettled("");
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
