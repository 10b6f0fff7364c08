/** The server's rules for a type's card image, checked before upload so the owner hears why. */
export const MAX_BYTES = 12 * 1024 * 1024;
export const MIN_WIDTH = 288;
export const MIN_HEIGHT = 184;

export interface Checked {
  dataUrl: string;
  width: number;
  height: number;
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

function decode(src: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => reject(new Error('not an image'));
    img.src = src;
  });
}

/**
 * At most 12 MB, a real raster image (decoded by the browser, not judged by its name; SVG
 * refused as the server does), at least 288×184 px. Resolves the preview or rejects with the
 * sentence to show.
 */
export async function checkImage(file: File): Promise<Checked> {
  if (file.size > MAX_BYTES)
    throw new Error(
      `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the image must be at most 12 MB.`,
    );
  if (file.type === 'image/svg+xml' || /\.svg$/i.test(file.name))
    throw new Error('SVG drawings are not accepted: choose a photo or picture (JPEG, PNG, WebP).');
  const dataUrl = await readAsDataUrl(file);
  let size: { width: number; height: number };
  try {
    size = await decode(dataUrl);
  } catch {
    throw new Error(`“${file.name}” is not an image that can be read. Choose a JPEG, PNG or WebP.`);
  }
  if (size.width < MIN_WIDTH || size.height < MIN_HEIGHT)
    throw new Error(
      `This image is ${size.width}×${size.height} px; it must be at least ${MIN_WIDTH}×${MIN_HEIGHT} px.`,
    );
  return { dataUrl, ...size };
}
