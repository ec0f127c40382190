/** Domain vocabulary shared by server, CLI and web. Names follow ../shared/GLOSSARY.md. */

export const ROLES = ["admin", "coordinator", "unit_manager", "unit_staff", "leader"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "系统管理员",
  coordinator: "统筹协调(司法局)",
  unit_manager: "单位管理员",
  unit_staff: "单位经办人",
  leader: "领导",
};

export const UNIT_TYPES = [
  "township",
  "department",
  "enforcement_department",
  "party_office",
  "court",
  "procuratorate",
  "other",
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  township: "乡镇(街道)",
  department: "政府部门",
  enforcement_department: "行政执法部门",
  party_office: "党委部门",
  court: "法院",
  procuratorate: "检察院",
  other: "其他",
};

/** What a user may do; sent to the UI so it shows only what the server will allow. */
export const ABILITIES = ["units.read", "units.manage", "users.manage", "audit.read"] as const;
export type Ability = (typeof ABILITIES)[number];

const ROLE_ABILITIES: Record<Role, readonly Ability[]> = {
  admin: ["units.read", "units.manage", "users.manage", "audit.read"],
  coordinator: ["units.read", "units.manage", "audit.read"],
  leader: ["units.read"],
  unit_manager: ["units.read"],
  unit_staff: ["units.read"],
};

export function abilitiesOf(roles: readonly Role[]): Ability[] {
  const set = new Set<Ability>();
  for (const role of roles) for (const ability of ROLE_ABILITIES[role]) set.add(ability);
  return ABILITIES.filter((a) => set.has(a));
}

export function can(roles: readonly Role[], ability: Ability): boolean {
  return roles.some((role) => ROLE_ABILITIES[role].includes(ability));
}

/** Password rule, checked by the server and shown by the web form. */
export const PASSWORD_MIN_LENGTH = 8;
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > 128) return "密码不能超过 128 位";
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return "密码须同时包含字母和数字";
  return null;
}
