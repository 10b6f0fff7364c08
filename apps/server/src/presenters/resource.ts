import type { Resource } from '@visita/core';

export function presentResource(resource: Resource) {
  return {
    id: resource.id,
    title: resource.title,
    description: resource.description,
    instances: resource.instances.map((instance) => ({
      id: instance.id,
      title: instance.title,
      resource_id: resource.id,
    })),
  };
}
