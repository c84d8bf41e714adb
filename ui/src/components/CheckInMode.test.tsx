import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Invitee, InviteeList, Person, PersonInput } from "../api";
import { setLanguage } from "../i18n";
import { fakeApi } from "../test/fakeApi";
import { renderWith } from "../test/render";
import { todayIn } from "../format";
import { CheckInMode } from "./CheckInMode";

function person(id: string, names: Person["names"], displayName: Person["displayName"]): Person {
  return {
    id, names, displayName, honorific: {}, organisationId: null, organisation: {}, country: "", email: "", phone: "", wechat: "",
    languages: [], tags: [], precedenceCategoryId: null, precedenceRank: null, positions: [], position: {}, notes: "", isDemo: false,
  };
}

function invitee(id: string, p: Person, checkedInAt: string | null = null): Invitee {
  return {
    id, person: p, role: "guest", status: "confirmed", channel: null, invitedAt: null, respondedAt: null, deputy: null,
    precedenceOverride: null, walkIn: false, notes: "", attendance: checkedInAt ? "present" : null, checkedInAt,
  };
}

const nuryshev = person("p1", [{ lang: "kk", family: "Нұрышев", given: "Шахрат", patronymic: "", familyFirst: false }], { kk: "Шахрат Нұрышев", ru: "Шахрат Нурышев", zh: "沙赫拉特·努雷舍夫" });
const wang = person("p2", [{ lang: "zh", family: "王", given: "立新", patronymic: "", familyFirst: true }], { zh: "王立新", en: "Wang Lixin" });
const list: InviteeList = {
  sessionId: "s",
  invitees: [invitee("i1", nuryshev), invitee("i2", wang, "2025-11-20T06:50:00Z")],
  counts: { total: 2, toInvite: 0, invited: 0, confirmed: 2, tentative: 0, declined: 0, deputy: 0, noReply: 0, attended: 1, absent: 0, excused: 0 },
};

describe("CheckInMode", () => {
  beforeEach(() => setLanguage("ru"));

  it("checks in the first match on Enter, typed in Kazakh letters", async () => {
    const checkIn = vi.fn(async () => list);
    const { api } = fakeApi([], { invitees_list: async () => list, check_in: checkIn });
    renderWith(<CheckInMode sessionId="s" date={todayIn("Asia/Shanghai")} timeZone="Asia/Shanghai" onClose={() => {}} />, api);
    const input = await screen.findByTestId("checkin-input");
    await userEvent.type(input, "нұры{Enter}");
    await waitFor(() => expect(checkIn).toHaveBeenCalledWith({ id: "i1" }));
  });

  it("says who is already in, at the session's local time, instead of checking in twice", async () => {
    const checkIn = vi.fn(async () => list);
    const { api } = fakeApi([], { invitees_list: async () => list, check_in: checkIn });
    renderWith(<CheckInMode sessionId="s" date={todayIn("Asia/Shanghai")} timeZone="Asia/Shanghai" onClose={() => {}} />, api);
    await userEvent.type(await screen.findByTestId("checkin-input"), "王{Enter}");
    expect(await screen.findByTestId("checkin-last")).toHaveTextContent("уже отмечен(а) (14:50)");
    expect(checkIn).not.toHaveBeenCalled();
  });

  it("offers a walk-in when nobody matches", async () => {
    const walkIn = vi.fn(async (_args: { sessionId: string; person: PersonInput }) => list);
    const { api } = fakeApi([], { invitees_list: async () => list, walk_in: walkIn });
    renderWith(<CheckInMode sessionId="s" date={todayIn("Asia/Shanghai")} timeZone="Asia/Shanghai" onClose={() => {}} />, api);
    await userEvent.type(await screen.findByTestId("checkin-input"), "Анна Петрова");
    await userEvent.click(await screen.findByTestId("walk-in"));
    await waitFor(() => expect(walkIn).toHaveBeenCalled());
    expect(walkIn.mock.calls[0]![0].person.names[0]).toMatchObject({ lang: "ru", given: "Анна", family: "Петрова" });
  });

  it("says so when the session is not today, and not on its day", async () => {
    const { api } = fakeApi([], { invitees_list: async () => list });
    const { unmount } = renderWith(<CheckInMode sessionId="s" date="2027-12-09" timeZone="Asia/Shanghai" onClose={() => {}} />, api);
    expect(await screen.findByTestId("checkin-not-today")).toHaveTextContent("Заседание не сегодня, а 9 декабря 2027");
    unmount();
    renderWith(<CheckInMode sessionId="s" date={todayIn("Asia/Shanghai")} timeZone="Asia/Shanghai" onClose={() => {}} />, api);
    await screen.findByTestId("checkin-input");
    expect(screen.queryByTestId("checkin-not-today")).toBeNull();
  });
});
