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
  /** The promotional block shown in the client app and on the booking page, when one is set. */
  promo: LocationPromo | null;
  updatedAt: Date;
}

export interface LocationPromo {
  title: string;
  text: string;
  /** Where "More" leads: an absolute http(s) URL, or none. */
  linkUrl: string | null;
}

export type LocationInput = Omit<Location, 'id' | 'updatedAt' | 'chainTitle' | 'promo'>;

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
  /** Derived, read-only: team members linked to at least one live service of the category. */
  staffIds: number[];
}

export interface ServiceStaffLink {
  staffId: number;
  /** This member's own duration; null means the service's `durationSeconds`. */
  durationSeconds: number | null;
  /** This member's own price; null means the service's price range. */
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
  /** Who provides the service (deleted team members are left out). */
  staff: ServiceStaffLink[];
  /** Resource types the service occupies one instance of each (deleted resources left out). */
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
