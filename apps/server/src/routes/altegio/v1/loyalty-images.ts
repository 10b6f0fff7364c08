import multipart from '@fastify/multipart';
import { ChainTypeParams, errorResponses, NoContent, TypeImageEnvelope } from '@visita/contracts';
import {
  invalid,
  MAX_IMAGE_BYTES,
  removeTypeImage,
  setTypeImage,
  type TypeKind,
} from '@visita/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsChainRight } from '../../../plugins/chain-access';
import { imageUrls } from '../../../presenters/loyalty';
import { ok, typed, userSecurity } from '../../typed';

const tags = ['Loyalty: types'];
/** The one file of a multipart upload (field "image"), at most 12 MB; the decoder judges the rest. */
async function uploadedImage(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw invalid('image', 'image must be sent as multipart/form-data');
  const file = await request.file();
  if (!file || file.fieldname !== 'image') throw invalid('image', 'image is required');
  try {
    return await file.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw invalid('image', `image must be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
    throw error;
  }
}

/** Images of membership and gift card types: shown on every card of the type, however sold. */
export function loyaltyImageRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const imageDeps = { uow: deps.uow, ...deps.loyalty };
  const paths: [TypeKind, string][] = [
    ['membership', 'abonement_types'],
    ['certificate', 'certificate_types'],
  ];
  for (const [kind, segment] of paths)
    typed(app).delete(
      `/chain/:group_id/loyalty/${segment}/:type_id/image`,
      {
        schema: {
          tags,
          summary: `Remove the image of a ${kind} type`,
          security: userSecurity,
          params: ChainTypeParams,
          response: { 204: NoContent, ...errorResponses },
        },
        preHandler: needsChainRight(deps, 'catalog:write'),
      },
      async (request, reply) => {
        await removeTypeImage(imageDeps, kind, request.params.group_id, request.params.type_id);
        return reply.status(204).send(null);
      },
    );

  // Multipart parsing only where a file is expected.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 0, parts: 1 },
    });
    for (const [kind, segment] of paths)
      typed(scope).put(
        `/chain/:group_id/loyalty/${segment}/:type_id/image`,
        {
          schema: {
            tags,
            summary: `Upload the image of a ${kind} type (multipart field "image")`,
            description:
              'At most 12 MB, at least 288×184 px, a real raster image (decoded, not judged by name). A vertical picture is cut to the horizontal 288:184 layout; `card` (≤ 864 wide) and `thumb` (288×184) WebP derivatives are stored and served by URL.',
            consumes: ['multipart/form-data'],
            security: userSecurity,
            params: ChainTypeParams,
            response: { 200: TypeImageEnvelope, ...errorResponses },
          },
          preHandler: needsChainRight(deps, 'catalog:write'),
        },
        async (request) => {
          const { group_id, type_id } = request.params;
          const key = await setTypeImage(
            imageDeps,
            kind,
            group_id,
            type_id,
            await uploadedImage(request),
          );
          return ok({ image: imageUrls(deps.config.publicUrl, key)! });
        },
      );
  });
}
