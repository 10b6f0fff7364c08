import { v1 } from '../../api';
import { useLoad } from '../../components/status';
import { useSession } from '../../session';
import type { AdminLocation, Service, ServiceCategory } from '../../types';

export interface CatalogCategory {
  id: number;
  title: string;
  services: Service[];
}
export interface LocationCatalog {
  location: AdminLocation;
  categories: CatalogCategory[];
  /** Services without a category. */
  loose: Service[];
}

/** The chain's locations the user sees (a chain role sees every one). */
export function useChainLocations(): AdminLocation[] {
  const { me, location } = useSession();
  return me.locations.filter((l) => l.chain_id === location.chain_id);
}

/**
 * Services and categories of every location of the chain (chain-level types and programs may
 * cover any of them): `GET /company/{id}/services` and `…/service_categories` per location.
 */
export function useChainCatalog() {
  const locations = useChainLocations();
  const key = locations.map((l) => l.id).join(',');
  return useLoad(
    () =>
      Promise.all(
        locations.map(async (l): Promise<LocationCatalog> => {
          const [services, categories] = await Promise.all([
            v1.get<Service[]>(`/company/${l.id}/services`),
            v1.get<ServiceCategory[]>(`/company/${l.id}/service_categories`),
          ]);
          return {
            location: l,
            categories: categories.data.map((c) => ({
              id: c.id,
              title: c.title,
              services: services.data.filter((s) => s.category_id === c.id),
            })),
            loose: services.data.filter(
              (s) => !categories.data.some((c) => c.id === s.category_id),
            ),
          };
        }),
      ),
    [key],
  );
}
