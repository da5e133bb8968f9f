import type { Role, TenantRole } from "./permissions";

/**
 * The signed-in person an action acts for. A partner always carries its tenant id (from the session, never from
 * request input); staff roles never do. Data-access functions take an Actor first and scope by it.
 */
export type StaffActor = {
  kind: "staff";
  id: string;
  email: string;
  name: string;
  role: Exclude<Role, TenantRole>;
  tenantId: null;
};
export type PartnerActor = {
  kind: "partner";
  id: string;
  email: string;
  name: string;
  /** "partner" = tenant owner, "member" = colleague with fewer rights (lib/auth/permissions.ts). */
  role: TenantRole;
  tenantId: string;
  tenantName: string;
};
export type Actor = StaffActor | PartnerActor;

/** Jobs and the demo seed act as the system; audit events show it as such. */
export const SYSTEM_ACTOR: StaffActor = {
  kind: "staff",
  id: "system",
  email: "system@tollgate",
  name: "Tollgate",
  role: "admin",
  tenantId: null,
};
