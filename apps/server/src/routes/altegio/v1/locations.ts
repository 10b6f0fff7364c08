import {
  CompaniesQuery,
  CompanyCreateBody,
  CompanyEnvelope,
  CompanyListEnvelope,
  CompanyUpdateBody,
  errorResponses,
  GroupListEnvelope,
  NoContent,
} from '@visita/contracts';
import {
  chooseChainForNewLocation,
  createLocation,
  deleteLocation,
  getLocation,
  listLocations,
  listUserChains,
  type LocationInput,
  updateLocation,
} from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsPartner, needsRight, needsUser, requireUser } from '../../../plugins/auth';
import { presentChainAccess, presentCompany } from '../../../presenters/company';
import { CompanyParams, listMeta, ok, partnerSecurity, typed, userSecurity } from '../../typed';

const tags = ['Locations'];

/** Wire body → domain patch; only the keys present are touched. */
function toLocationPatch(body: Record<string, unknown>): Partial<LocationInput> {
  const map: Record<string, keyof LocationInput> = {
    title: 'title',
    short_descr: 'shortDescr',
    description: 'description',
    country: 'country',
    city: 'city',
    address: 'address',
    zip: 'zip',
    coordinate_lat: 'coordinateLat',
    coordinate_lon: 'coordinateLon',
    timezone: 'timezone',
    phone: 'phone',
    phones: 'phones',
    email: 'email',
    site: 'site',
    social: 'social',
    schedule: 'schedule',
    logo: 'logo',
    currency_short_title: 'currency',
    phone_confirmation: 'phoneConfirmation',
  };
  const patch: Record<string, unknown> = {};
  for (const [wire, value] of Object.entries(body)) {
    const key = map[wire];
    if (key) patch[key] = value;
  }
  if (body.active !== undefined) patch.active = body.active === 1;
  return patch;
}

export function locationRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const now = () => deps.clock.now().getTime();

  for (const url of ['/companies', '/locations']) {
    t.get(
      url,
      {
        schema: {
          tags,
          summary: 'List locations',
          security: partnerSecurity,
          querystring: CompaniesQuery,
          response: { 200: CompanyListEnvelope, ...errorResponses },
        },
        preHandler: needsPartner,
      },
      async (request) => {
        const q = request.query;
        const my = q.my === 1 ? requireUser(request).id : undefined;
        const page = { page: q.page ?? 1, count: q.count ?? 50 };
        const result = await listLocations(
          deps,
          {
            ...(q.id ? { ids: [q.id] } : {}),
            ...(q.group_id ? { chainId: q.group_id } : {}),
            ...(q.active !== undefined ? { active: q.active === 1 } : {}),
            ...(my ? { accessibleToUserId: my } : {}),
          },
          page,
        );
        return ok(
          result.items.map((l) => presentCompany(l, now())),
          listMeta(result.total, page.page),
        );
      },
    );

    t.post(
      url,
      {
        schema: {
          tags,
          summary: 'Create a location',
          security: userSecurity,
          body: CompanyCreateBody,
          response: { 201: CompanyEnvelope, ...errorResponses },
        },
        preHandler: needsUser,
      },
      async (request, reply) => {
        const user = requireUser(request);
        const chainId = await chooseChainForNewLocation(
          { uow: deps.read },
          { userId: user.id, requestedChainId: request.body.group_id },
        );
        const patch = toLocationPatch(request.body);
        const location = await createLocation(deps, {
          ...patch,
          title: request.body.title,
          timezone: request.body.timezone,
          chainId,
        });
        return reply.status(201).send(ok(presentCompany(location, now())));
      },
    );
  }

  for (const url of ['/company/:company_id', '/locations/:company_id']) {
    t.get(
      url,
      {
        schema: {
          tags,
          summary: 'Get a location',
          security: partnerSecurity,
          params: CompanyParams,
          response: { 200: CompanyEnvelope, ...errorResponses },
        },
        preHandler: needsPartner,
      },
      async (request) =>
        ok(presentCompany(await getLocation(deps, request.params.company_id), now())),
    );
    t.put(
      url,
      {
        schema: {
          tags,
          summary: 'Update a location',
          security: userSecurity,
          params: CompanyParams,
          body: CompanyUpdateBody,
          response: { 200: CompanyEnvelope, ...errorResponses },
        },
        preHandler: needsRight(deps.db, 'location:write'),
      },
      async (request) =>
        ok(
          presentCompany(
            await updateLocation(deps, request.params.company_id, toLocationPatch(request.body)),
            now(),
          ),
        ),
    );
    t.delete(
      url,
      {
        schema: {
          tags,
          summary: 'Delete a location',
          security: userSecurity,
          params: CompanyParams,
          response: { 204: NoContent, ...errorResponses },
        },
        preHandler: needsRight(deps.db, 'location:delete'),
      },
      async (request, reply) => {
        await deleteLocation(deps, request.params.company_id);
        return reply.status(204).send(null);
      },
    );
  }

  for (const url of ['/groups', '/chains']) {
    t.get(
      url,
      {
        schema: {
          tags: ['Chains'],
          summary: "The caller's chains",
          security: userSecurity,
          response: { 200: GroupListEnvelope, ...errorResponses },
        },
        preHandler: needsUser,
      },
      async (request) => {
        const user = requireUser(request);
        const chains = await listUserChains({ uow: deps.read }, { userId: user.id });
        // One read of every location the user may see, grouped by chain (not one read per chain).
        const visible = await listLocations(
          deps,
          { accessibleToUserId: user.id },
          { page: 1, count: 10_000 },
        );
        const data = chains.map(({ role, ...chain }) => ({
          ...chain,
          companies: visible.items
            .filter((l) => l.chainId === chain.id)
            .map((l) => ({ id: l.id, title: l.title })),
          access: presentChainAccess(role),
        }));
        return ok(data, listMeta(data.length));
      },
    );
  }
}
