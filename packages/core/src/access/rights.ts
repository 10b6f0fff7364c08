/**
 * Back-office roles and the rights they carry. Access is granted per location or per chain
 * (a chain grant covers every location of the chain); the role decides what may be done there.
 */
export type Role = 'owner' | 'administrator' | 'staff';

export type Right =
  | 'location:read'
  | 'location:write'
  | 'location:delete'
  | 'catalog:read'
  | 'catalog:write'
  | 'schedule:read'
  | 'schedule:write'
  | 'records:read'
  | 'records:write'
  | 'clients:read'
  | 'clients:write'
  | 'settings:write'
  | 'reports:read'
  | 'users:manage';

const ALL: readonly Right[] = [
  'location:read',
  'location:write',
  'location:delete',
  'catalog:read',
  'catalog:write',
  'schedule:read',
  'schedule:write',
  'records:read',
  'records:write',
  'clients:read',
  'clients:write',
  'settings:write',
  'reports:read',
  'users:manage',
];

const ROLE_RIGHTS: Record<Role, ReadonlySet<Right>> = {
  owner: new Set(ALL),
  administrator: new Set(ALL.filter((r) => r !== 'location:delete' && r !== 'users:manage')),
  staff: new Set<Right>(['location:read', 'catalog:read', 'schedule:read', 'records:read']),
};

export const ROLES: readonly Role[] = ['owner', 'administrator', 'staff'];

export function roleHasRight(role: Role, right: Right): boolean {
  return ROLE_RIGHTS[role].has(right);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Every right the role carries, in a stable order (what a back office may offer). */
export function rightsOf(role: Role): Right[] {
  return ALL.filter((right) => ROLE_RIGHTS[role].has(right));
}
