import type {
  Chain,
  Location,
  LocationInput,
  LocationPromo,
  Page,
  Paged,
  Position,
  Resource,
  Service,
  ServiceCategory,
  ServiceStaffLink,
  TeamMember,
} from './types';

export interface LocationFilter {
  ids?: number[];
  chainId?: number;
  active?: boolean;
  /** Restrict to locations this user has access to (the `my=1` listing). */
  accessibleToUserId?: number;
}

export interface LocationsRepo {
  findLocations(filter: LocationFilter, page: Page): Promise<Paged<Location>>;
  findLocation(id: number): Promise<Location | null>;
  insertLocation(input: LocationInput): Promise<Location>;
  updateLocation(id: number, patch: Partial<LocationInput>): Promise<Location | null>;
  softDeleteLocation(id: number): Promise<boolean>;
  /** Sets (or with null removes) the promotional block; null when there is no such location. */
  saveLocationPromo(id: number, promo: LocationPromo | null): Promise<Location | null>;
  findChain(id: number): Promise<Chain | null>;
  insertChain(title: string): Promise<Chain>;
}

export interface PositionsRepo {
  findPositions(locationId: number): Promise<Position[]>;
  findPosition(locationId: number, id: number): Promise<Position | null>;
  insertPosition(locationId: number, title: string): Promise<Position>;
}

export type TeamMemberInput = Omit<TeamMember, 'id' | 'position' | 'rating' | 'votesCount'>;

export interface TeamMemberFilter {
  ids?: number[];
  /** Fired members are left out unless this is true. */
  includeFired?: boolean;
  onlyBookable?: boolean;
  /** Leaves out members hidden from online booking (the public listings). */
  onlyVisible?: boolean;
}

export interface TeamMembersRepo {
  /** Ordered as Altegio lists them: heavier `weight` first, then by id. */
  findTeamMembers(locationId: number, filter: TeamMemberFilter): Promise<TeamMember[]>;
  findTeamMember(locationId: number, id: number): Promise<TeamMember | null>;
  insertTeamMember(input: TeamMemberInput): Promise<TeamMember>;
  updateTeamMember(
    locationId: number,
    id: number,
    patch: Partial<TeamMemberInput>,
  ): Promise<TeamMember | null>;
  softDeleteTeamMember(locationId: number, id: number): Promise<boolean>;
  /** Whether the user holds a grant at the location or its chain (only such users may be linked). */
  isUserOfLocation(locationId: number, userId: number): Promise<boolean>;
}

export type ServiceCategoryInput = Omit<ServiceCategory, 'id' | 'staffIds'>;
export type ServiceInput = Omit<Service, 'id'>;

export interface ServiceFilter {
  ids?: number[];
  categoryId?: number;
  staffId?: number;
  /** Services that need an instance of this resource type. */
  resourceId?: number;
  onlineOnly?: boolean;
}

export interface ServicesRepo {
  findServiceCategories(
    locationId: number,
    ids?: number[],
    filter?: { staffId?: number },
  ): Promise<ServiceCategory[]>;
  insertServiceCategory(input: ServiceCategoryInput): Promise<ServiceCategory>;
  updateServiceCategory(
    locationId: number,
    id: number,
    patch: Partial<ServiceCategoryInput>,
  ): Promise<ServiceCategory | null>;
  softDeleteServiceCategory(locationId: number, id: number): Promise<boolean>;
  /** Services with their per-member links and resource needs, weight first (the booking engine reads this). */
  findServices(locationId: number, filter: ServiceFilter): Promise<Service[]>;
  insertService(input: ServiceInput): Promise<Service>;
  updateService(
    locationId: number,
    id: number,
    patch: Partial<ServiceInput>,
  ): Promise<Service | null>;
  softDeleteService(locationId: number, id: number): Promise<boolean>;
  /** Inserts or replaces one member's link to a service. */
  setServiceStaffLink(serviceId: number, link: ServiceStaffLink): Promise<void>;
  deleteServiceStaffLink(serviceId: number, staffId: number): Promise<boolean>;
  /** Which of `ids` are live (not deleted) team members of the location. */
  findLinkableStaffIds(locationId: number, ids: number[]): Promise<number[]>;
}

export interface ResourcesRepo {
  findResources(locationId: number, ids?: number[]): Promise<Resource[]>;
  insertResource(
    input: Omit<Resource, 'id' | 'instances'> & { instances: string[] },
  ): Promise<Resource>;
  updateResource(
    locationId: number,
    id: number,
    patch: { title?: string; description?: string },
  ): Promise<Resource | null>;
  softDeleteResource(locationId: number, id: number): Promise<boolean>;
  /** The resource's live instances, locked until the transaction ends (FOR UPDATE). */
  lockInstances(resourceId: number): Promise<{ id: number; title: string }[]>;
  /** Live holds on these instances that end after `nowMs`, earliest first. */
  findFutureHolds(
    instanceIds: number[],
    nowMs: number,
  ): Promise<{ instanceId: number; recordId: number; start: number }[]>;
  writeInstances(
    resourceId: number,
    change: { renamed: { id: number; title: string }[]; added: string[]; removed: number[] },
  ): Promise<void>;
}

export interface CatalogRepos {
  locations: LocationsRepo;
  positions: PositionsRepo;
  teamMembers: TeamMembersRepo;
  services: ServicesRepo;
  resources: ResourcesRepo;
}

export type { UnitOfWork } from '../ports';
