import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { vi } from "vitest";
import { ApiContext, type Api } from "../api";
import { NavContext } from "../navigation";

/** Renders `ui` with a fresh query cache, the given Api and a spy for navigation. */
export function renderWith(ui: ReactElement, api: Api) {
  const navigate = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={api}>
        <NavContext.Provider value={navigate}>{ui}</NavContext.Provider>
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
  return { ...result, navigate };
}
