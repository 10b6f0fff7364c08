import {
  CARD_ASPECT,
  DomainError,
  invalid,
  MIN_IMAGE,
  type TypeImageProcessor,
} from '@visita/core';
import sharp from 'sharp';

/** Raster formats a designer exports; SVG (a document that can carry scripts) is refused. */
const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif', 'tiff']);
/** A decompression-bomb guard: 12 MB may not unpack into more pixels than this. */
const MAX_INPUT_PIXELS = 100_000_000;
const CARD_WIDTH = 864; // 3 × 288, sharp on high-density screens

const notAnImage = () =>
  invalid('image', 'image must be a picture file (JPEG, PNG, WebP, GIF, HEIC, AVIF or TIFF)');

/**
 * Decodes the upload with sharp (the format is what the bytes are, never the file name), applies
 * the EXIF orientation, refuses anything under 288×184, cuts the middle horizontal 288:184
 * region (a vertical picture loses its top and bottom) and writes two WebP derivatives without
 * metadata: `card` (up to 864 wide) and `thumb` (288×184).
 */
export const sharpTypeImages: TypeImageProcessor = {
  async toCardImages(upload) {
    try {
      const input = sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
      const meta = await input.metadata();
      if (!meta.format || !IMAGE_FORMATS.has(meta.format)) throw notAnImage();
      const oriented = await input.rotate().toBuffer({ resolveWithObject: true });
      const { width, height } = oriented.info;
      if (width < MIN_IMAGE.width || height < MIN_IMAGE.height)
        throw invalid(
          'image',
          `image must be at least ${MIN_IMAGE.width}×${MIN_IMAGE.height} px (got ${width}×${height})`,
        );
      const cropWidth = width / height > CARD_ASPECT ? Math.round(height * CARD_ASPECT) : width;
      const cropHeight = Math.min(height, Math.round(cropWidth / CARD_ASPECT));
      const region = {
        left: Math.floor((width - cropWidth) / 2),
        top: Math.floor((height - cropHeight) / 2),
        width: cropWidth,
        height: cropHeight,
      };
      const cardWidth = Math.min(CARD_WIDTH, cropWidth);
      const cardHeight = Math.round(cardWidth / CARD_ASPECT);
      const cut = (w: number, h: number) =>
        sharp(oriented.data)
          .extract(region)
          .resize(w, h, { fit: 'fill' })
          .webp({ quality: 82 })
          .toBuffer();
      const [card, thumb] = await Promise.all([
        cut(cardWidth, cardHeight),
        cut(MIN_IMAGE.width, MIN_IMAGE.height),
      ]);
      return [
        {
          name: 'card',
          bytes: card,
          width: cardWidth,
          height: cardHeight,
          contentType: 'image/webp',
          extension: 'webp',
        },
        {
          name: 'thumb',
          bytes: thumb,
          width: MIN_IMAGE.width,
          height: MIN_IMAGE.height,
          contentType: 'image/webp',
          extension: 'webp',
        },
      ];
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw notAnImage();
    }
  },
};
