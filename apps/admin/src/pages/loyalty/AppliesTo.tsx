import type { ComponentProps, ReactNode } from 'react';
import { CatalogPicker } from './CatalogPicker';
import { LocationPicker } from './LocationPicker';

/**
 * The finer restrictions of a type or program, grouped: the locations where it is valid and
 * the services (or categories) it covers.
 */
export function AppliesTo(props: {
  locations: number[];
  onLocations: (ids: number[]) => void;
  locationError?: string;
  locationLegend?: string;
  catalog?: ComponentProps<typeof CatalogPicker>;
  children?: ReactNode;
}) {
  return (
    <fieldset className="applies-to">
      <legend>Where and what it applies to</legend>
      <LocationPicker
        legend={props.locationLegend ?? 'Valid at'}
        value={props.locations}
        onChange={props.onLocations}
        error={props.locationError}
      />
      {props.children}
      {props.catalog ? <CatalogPicker {...props.catalog} locationIds={props.locations} /> : null}
    </fieldset>
  );
}
