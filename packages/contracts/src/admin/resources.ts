import Type from 'typebox';
import { Id, Text } from '../inputs';

/**
 * The whole list of a resource's instances (`PUT /api/admin/v1/locations/{id}/resources/{rid}/
 * instances`): an entry with an `id` keeps (and may rename) that instance, one without adds a
 * new instance, and an instance left out is removed (409 while an appointment holds it from now
 * on). The Altegio API has no instance routes; it answers the resource as `GET /resource` does.
 */
export const ResourceInstancesBody = Type.Object({
  instances: Type.Array(
    Type.Object({
      id: Type.Optional(Id({ description: 'an instance of this resource; absent = a new one' })),
      title: Text(300, { minLength: 1 }),
    }),
    { minItems: 1, maxItems: 100 },
  ),
});
