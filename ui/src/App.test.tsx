import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { App } from "./App";
import { setLanguage } from "./i18n";
import { fakeApi, session } from "./test/fakeApi";
import { renderWith } from "./test/render";

describe("App: where a new screen starts", () => {
  beforeEach(() => setLanguage("ru"));

  it("leaves the focus in the search box when Search opens (the screen's own focus wins)", async () => {
    const { api } = fakeApi([session()]);
    renderWith(<App />, api);
    await screen.findAllByTestId("session-card");
    await userEvent.click(screen.getByTestId("nav-search"));
    expect(await screen.findByTestId("search-input")).toHaveFocus();
    fireEvent.keyDown(window, { key: "1", ctrlKey: true });
    await screen.findAllByTestId("session-card");
    fireEvent.keyDown(window, { key: "f", ctrlKey: true });
    expect(await screen.findByTestId("search-input")).toHaveFocus();
  });

  it("starts Ctrl+N's form at the top with the cursor in its first field; other screens focus the main area", async () => {
    const { api } = fakeApi([session()]);
    renderWith(<App />, api);
    await screen.findAllByTestId("session-card");
    document.documentElement.scrollTop = 800; // far down a long list
    fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    await screen.findByTestId("session-form");
    expect(document.documentElement.scrollTop).toBe(0);
    expect(screen.getByLabelText("Номер в серии")).toHaveFocus();
    await userEvent.click(screen.getByTestId("nav-people"));
    await waitFor(() => expect(document.getElementById("main")).toHaveFocus());
  });
});
