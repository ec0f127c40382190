import type { ReactNode } from "react";
import type { Ability } from "../../shared/domain";
import { Forbidden } from "../components/ResultPages";
import { useAuth } from "./AuthContext";

/** Shows a page only to users with the ability; the server checks again on every request. */
export function RequireAbility({ ability, children }: { ability: Ability; children: ReactNode }) {
  const { can } = useAuth();
  return can(ability) ? children : <Forbidden />;
}
