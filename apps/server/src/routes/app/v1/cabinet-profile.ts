import multipart from '@fastify/multipart';
import {
  AppProfileEnvelope,
  AppProfilePatchBody,
  errorResponses,
  NoContent,
} from '@visita/contracts';
import {
  deleteMyAccount,
  invalid,
  readMyPhoto,
  removeMyPhoto,
  setMyPhoto,
  updateMyProfile,
  type ProfilePatch,
} from '@visita/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import {
  avatarDirOf,
  fileAvatarStore,
  MAX_PHOTO_BYTES,
  sharpAvatarImages,
} from '../../../adapters/avatars';
import type { ServerDeps } from '../../../deps';
import { needsConsentedAppUser, requireAppUser } from '../../../plugins/app-auth';
import { presentProfile } from '../../../presenters/app-cabinet';
import { clientSecurity, ok, typed } from '../../typed';

const tags = ['App: profile'];
/** Declared types we try to decode; the decoder has the last word (a renamed file still fails). */
const PHOTO_TYPES = /^(image\/[a-z0-9.+-]+|application\/octet-stream)$/i;

/**
 * Reads the one file of a multipart upload, refusing anything that is not a ≤ 5 MB image. Every
 * malformed upload (no boundary, no file, a text field, a cut-off body) is a 422 naming `photo`.
 */
async function uploadedPhoto(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw invalid('photo', 'photo must be sent as multipart/form-data');
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    file = await request.file();
  } catch {
    throw invalid('photo', 'photo must be one file in a multipart/form-data body with a boundary');
  }
  if (!file || file.fieldname !== 'photo') throw invalid('photo', 'photo is required');
  if (!PHOTO_TYPES.test(file.mimetype)) {
    file.file.resume();
    throw invalid('photo', 'photo must be an image (JPEG, PNG, WebP, GIF, HEIC or AVIF)');
  }
  try {
    return await file.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw invalid('photo', `photo must be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
    throw invalid('photo', 'photo upload is incomplete or malformed');
  }
}

/** The client's profile: settings, photo, and erasing the account. */
export function cabinetProfileRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const t = typed(app);
  const preHandler = needsConsentedAppUser(deps);
  const security = clientSecurity;
  const photoDeps = {
    ...deps,
    avatarImages: sharpAvatarImages,
    avatars: fileAvatarStore(avatarDirOf(deps.config.dataDir)),
  };

  t.get(
    '/profile',
    {
      schema: {
        tags,
        summary: "The client's profile",
        security,
        response: { 200: AppProfileEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => ok(presentProfile(requireAppUser(request))),
  );

  t.patch(
    '/profile',
    {
      schema: {
        tags,
        summary: 'Change name, language, date format, 12/24 h time or app notifications',
        security,
        body: AppProfilePatchBody,
        response: { 200: AppProfileEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const b = request.body;
      const patch: ProfilePatch = {
        ...(b.name !== undefined ? { name: b.name } : {}),
        ...(b.language !== undefined ? { language: b.language } : {}),
        ...(b.date_format !== undefined ? { dateFormat: b.date_format } : {}),
        ...(b.time_24h !== undefined ? { time24h: b.time_24h } : {}),
        ...(b.notifications_enabled !== undefined
          ? { notificationsEnabled: b.notifications_enabled }
          : {}),
      };
      return ok(presentProfile(await updateMyProfile(deps, requireAppUser(request), patch)));
    },
  );

  t.delete(
    '/profile',
    {
      schema: {
        tags,
        summary: 'Delete the account: personal data erased, every token revoked',
        description:
          "The businesses keep their appointment history and client cards (their records); the cards are no longer marked as having the app, and the client's reviews stay without an author.",
        security,
        response: { 204: NoContent, ...errorResponses },
      },
      preHandler,
    },
    async (request, reply) => {
      await deleteMyAccount(photoDeps, requireAppUser(request));
      return reply.status(204).send(null);
    },
  );

  t.get(
    '/profile/photo',
    {
      schema: {
        tags,
        summary: "The client's photo (512×512 WebP)",
        security,
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'image/webp' }),
          ...errorResponses,
        },
      },
      preHandler,
    },
    async (request, reply) => {
      const bytes = await readMyPhoto(photoDeps, requireAppUser(request));
      return reply
        .type('image/webp')
        .header('cache-control', 'private, max-age=86400')
        .send(Buffer.from(bytes));
    },
  );

  t.delete(
    '/profile/photo',
    {
      schema: {
        tags,
        summary: "Remove the client's photo",
        security,
        response: { 200: AppProfileEnvelope, ...errorResponses },
      },
      preHandler,
    },
    async (request) => {
      const user = requireAppUser(request);
      await removeMyPhoto(photoDeps, user);
      return ok(presentProfile({ ...user, avatar: '' }));
    },
  );

  // Multipart parsing only where a file is expected.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0, parts: 1 },
    });
    typed(scope).put(
      '/profile/photo',
      {
        schema: {
          tags,
          summary: 'Upload a photo (multipart field "photo", an image of at most 5 MB)',
          description:
            'The image is decoded, cut to a 512×512 square and stored as WebP; metadata (EXIF, GPS) is dropped.',
          consumes: ['multipart/form-data'],
          security,
          response: { 200: AppProfileEnvelope, ...errorResponses },
        },
        preHandler,
      },
      async (request) => {
        const user = requireAppUser(request);
        const key = await setMyPhoto(photoDeps, user, await uploadedPhoto(request));
        return ok(presentProfile({ ...user, avatar: key }));
      },
    );
  });
}
