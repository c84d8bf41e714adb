import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ImportReport, ImportRequest } from "../api";
import { setLanguage } from "../i18n";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { ImportWizard } from "./ImportWizard";

const WORDS = "восемь семьсот один сто двадцать три";

/** What the core answers for an address book with two odd cards, under `request`'s policy. */
function report(request: ImportRequest, committed = false): ImportReport {
  const policy = request.onProblem;
  const odd = policy === "refuse" ? "blocks" : policy === "skip" ? "skip" : "create";
  const kept = policy === "keep_in_notes";
  return {
    format: "vcard", encoding: "UTF-8", delimiter: "", headers: ["family", "given", "email", "phone"], mapping: ["family", "given", "email", "phone"], preview: [],
    rows: [
      { line: 1, name: "Нұрлан Әбенов", status: "new", duplicateOf: null, duplicateName: "", duplicateReason: null, problems: [], action: "create", keptInNotes: false },
      {
        line: 14, name: "Айгерім Сейтқали", status: "error", duplicateOf: null, duplicateName: "", duplicateReason: null, action: odd, keptInNotes: kept,
        problems: [{ column: "email", reason: "bad_email", message: "email is not an e-mail address", value: "Айгерім Сейтқали" }],
      },
      {
        line: 24, name: "Бекзат Омаров", status: "error", duplicateOf: null, duplicateName: "", duplicateReason: null, action: odd, keptInNotes: kept,
        problems: [{ column: "phone", reason: "bad_phone", message: "phone is not a phone number", value: WORDS }],
      },
    ],
    counts: {
      rows: 3, new: 1, duplicates: 0, errors: 2,
      created: policy === "keep_in_notes" ? 3 : 1, merged: 0, skipped: policy === "skip" ? 2 : 0, keptInNotes: kept ? 2 : 0,
    },
    committed,
  };
}

async function openWith(commits: ImportRequest[]) {
  const { api } = fakeApi([], {
    import_dry_run: async ({ request: r }) => report(r),
    import_commit: async ({ request: r }) => (commits.push(r), report(r, true)),
  });
  const onClose = vi.fn();
  renderWith(<ImportWizard onClose={onClose} />, api);
  const file = new File(["BEGIN:VCARD\r\nEND:VCARD\r\n"], "contacts.vcf", { type: "text/vcard" });
  await userEvent.upload(screen.getByTestId("import-file"), file);
  return { onClose, problems: await screen.findByTestId("import-problems") };
}

describe("the import wizard, when rows have problems", () => {
  beforeEach(() => setLanguage("ru"));

  it("lists the odd rows with their values and imports nothing by itself", async () => {
    const commits: ImportRequest[] = [];
    const { problems } = await openWith(commits);
    const rows = within(problems).getAllByTestId("import-problem-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("14Айгерім СейтқалиemailАйгерім СейтқалиЭто не адрес электронной почты.");
    expect(rows[1]).toHaveTextContent(`24Бекзат Омаровphone${WORDS}`);
    expect(screen.getByTestId("import-commit")).toBeDisabled();
    expect(commits).toEqual([]);
  });

  it("skip: imports the other rows with that policy", async () => {
    const commits: ImportRequest[] = [];
    await openWith(commits);
    fireEvent.click(screen.getByRole("button", { name: "Пропустить эти строки" }));
    await waitFor(() => expect(commits).toHaveLength(1));
    expect(commits[0].onProblem).toBe("skip");
    expect(await screen.findByTestId("import-done")).toHaveTextContent("новых 1, объединено 0, оставлено как было 0");
    expect(screen.getByTestId("import-done-problems")).toHaveTextContent("Пропущено строк с ошибками: 2");
    expect(screen.queryByTestId("import-problems")).not.toBeInTheDocument();
  });

  it("keep in notes: imports every row, the unreadable values going to the notes", async () => {
    const commits: ImportRequest[] = [];
    await openWith(commits);
    fireEvent.click(screen.getByRole("button", { name: "Импортировать их, сохранив нераспознанные значения в заметках" }));
    await waitFor(() => expect(commits).toHaveLength(1));
    expect(commits[0]).toMatchObject({ onProblem: "keep_in_notes", onDuplicate: "skip", fileName: "contacts.vcf" });
    expect(await screen.findByTestId("import-done")).toHaveTextContent("новых 3");
    expect(screen.getByTestId("import-done-problems")).toHaveTextContent("в заметках: 2");
  });

  it("cancel closes the wizard without importing", async () => {
    const commits: ImportRequest[] = [];
    const { onClose, problems } = await openWith(commits);
    fireEvent.click(within(problems).getByRole("button", { name: "Отмена" }));
    expect(onClose).toHaveBeenCalled();
    expect(commits).toEqual([]);
  });
});
