/** Catalog entities as the domain sees them (wire names are mapped at the edge). */
export interface Chain {
  id: number;
  title: string;
}

export interface Location {
  id: number;
  chainId: number;
  chainTitle: string;
  title: string;
  shortDescr: string;
  description: string;
  country: string;
  city: string;
  address: string;
  zip: string;
  coordinateLat: number | null;
  coordinateLon: number | null;
  timezone: string;
  phone: string;
  phones: string[];
  email: string;
  site: string;
  social: Record<string, string>;
  schedule: string;
  logo: string;
  currency: string;
  active: boolean;
  phoneConfirmation: boolean;
  updatedAt: Date;
}

export type LocationInput = Omit<Location, 'id' | 'updatedAt' | 'chainTitle'>;

export interface Position {
  id: number;
  locationId: number;
  title: string;
}

export interface TeamMember {
  id: number;
  locationId: number;
  userId: number | null;
  name: string;
  specialization: string;
  information: string;
  avatar: string;
  positionId: number | null;
  position: Position | null;
  rating: number;
  votesCount: number;
  weight: number;
  bookable: boolean;
  hidden: boolean;
  fired: boolean;
  apiId: string | null;
}

export interface ServiceCategory {
  id: number;
  locationId: number;
  title: string;
  weight: number;
  apiId: string | null;
}

export interface ServiceStaffLink {
  staffId: number;
  durationSeconds: number | null;
  price: number | null;
}

export interface Service {
  id: number;
  locationId: number;
  categoryId: number | null;
  title: string;
  comment: string;
  priceMin: number;
  priceMax: number;
  discount: number;
  durationSeconds: number;
  onlineBookable: boolean;
  weight: number;
  apiId: string | null;
  staff: ServiceStaffLink[];
  resourceIds: number[];
}

export interface Resource {
  id: number;
  locationId: number;
  title: string;
  description: string;
  instances: { id: number; title: string }[];
}

export interface Page {
  page: number;
  count: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
}
