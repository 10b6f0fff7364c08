import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError, invalid, type AvatarImages, type AvatarStore } from '@visita/core';
import sharp from 'sharp';

export const AVATAR_SIZE = 512;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Formats a phone camera or gallery produces; SVG is refused (a document, not a photo). */
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif', 'tiff']);
/** A decompression-bomb guard: a 5 MB file may not unpack into more pixels than this. */
const MAX_INPUT_PIXELS = 50_000_000;

const notAnImage = () =>
  invalid('photo', 'photo must be an image (JPEG, PNG, WebP, GIF, HEIC or AVIF)');

/**
 * Decodes the upload with sharp and cuts a 512×512 WebP from its middle. Orientation is taken
 * from EXIF and then all metadata (camera, GPS position) is dropped.
 */
export const sharpAvatarImages: AvatarImages = {
  async toAvatar(bytes) {
    try {
      const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
      const { format } = await image.metadata();
      if (!format || !PHOTO_FORMATS.has(format)) throw notAnImage();
      const out = await image
        .rotate()
        .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' })
        .webp({ quality: 82 })
        .toBuffer();
      return { bytes: out, extension: 'webp' };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw notAnImage();
    }
  },
};

/** Keys are generated here; anything else (a path, `..`) is never a file name. */
const KEY = /^\d+-[0-9a-f]{16}\.(webp|jpg)$/;

export const isAvatarKey = (key: string): boolean => KEY.test(key);

/** Avatar files under `<dataDir>/uploads/avatars/`, one new file per upload. */
export function fileAvatarStore(dir: string): AvatarStore {
  return {
    async save(userId, image) {
      await mkdir(dir, { recursive: true });
      const key = `${userId}-${randomBytes(8).toString('hex')}.${image.extension}`;
      await writeFile(join(dir, key), image.bytes, { flag: 'wx' });
      return key;
    },
    async read(key) {
      if (!isAvatarKey(key)) return null;
      try {
        return await readFile(join(dir, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(key) {
      if (isAvatarKey(key)) await rm(join(dir, key), { force: true });
    },
  };
}

export const avatarDirOf = (dataDir: string): string => join(dataDir, 'uploads', 'avatars');
