import { createContext, useContext } from "react";

export type Route =
  | { name: "sessions" }
  | { name: "session"; id: string; tab?: "overview" | "agenda" | "invitees" | "minutes" | "documents" }
  | { name: "newSession" }
  | { name: "editSession"; id: string }
  | { name: "people" }
  | { name: "followups" }
  | { name: "stats" }
  | { name: "search" }
  | { name: "conflicts" }
  | { name: "settings" };

export const NavContext = createContext<(route: Route) => void>(() => {});
export const useNavigate = () => useContext(NavContext);
