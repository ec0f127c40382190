import type { Ability, Role, UnitType } from "../../shared/domain.js";

/** Who is calling: set by the auth plugin from the session cookie. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  unit: { id: number; name: string; type: UnitType } | null;
  sessionId: number;
}

/**
 * Who may call a route. Every /api route declares one; the server refuses to start otherwise.
 * - "public": anyone, signed in or not
 * - "authenticated": any signed-in user
 * - { ability }: a signed-in user whose roles grant that ability
 */
export type Access = "public" | "authenticated" | { ability: Ability };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
