import { notFound } from '../errors/domain-error';
import type { LoyaltyUow, TypeKind } from './ports';

/** The card layout of the app (288×184 and its multiples); every derivative has this shape. */
export const CARD_ASPECT = 288 / 184;
export const MIN_IMAGE = { width: 288, height: 184 } as const;
export const MAX_IMAGE_BYTES = 12 * 1024 * 1024;

export interface ImageDerivative {
  name: 'card' | 'thumb';
  bytes: Uint8Array;
  width: number;
  height: number;
  contentType: string;
  extension: string;
}

/** Decodes and checks an upload and cuts the horizontal card derivatives (refuses non-images). */
export interface TypeImageProcessor {
  toCardImages(upload: Uint8Array): Promise<ImageDerivative[]>;
}

/** Where image files live: local disk by default, an S3-compatible bucket for scale-out. */
export interface ImageStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  remove(key: string): Promise<void>;
}

type Deps = {
  uow: LoyaltyUow;
  images: TypeImageProcessor;
  store: ImageStore;
  /** A fresh random key prefix. */
  newKey: (kind: TypeKind, typeId: number) => string;
};

export const derivativeKey = (key: string, name: 'card' | 'thumb', extension = 'webp') =>
  `${key}-${name}.${extension}`;

/**
 * Sets the image of a membership or gift card type: decoded and cut first (nothing stored for a
 * bad upload), derivatives written, then the type points at them; the old files go last.
 */
export async function setTypeImage(
  deps: Deps,
  kind: TypeKind,
  chainId: number,
  typeId: number,
  upload: Uint8Array,
): Promise<string> {
  const exists = await deps.uow(async (r): Promise<boolean> =>
    kind === 'membership'
      ? (await r.loyaltyTypes.findMembershipType(chainId, typeId)) !== null
      : (await r.loyaltyTypes.findCertificateType(chainId, typeId)) !== null,
  );
  if (!exists) throw notFound(kind === 'membership' ? 'Membership type' : 'Certificate type');
  const derivatives = await deps.images.toCardImages(upload);
  const key = deps.newKey(kind, typeId);
  for (const d of derivatives)
    await deps.store.put(derivativeKey(key, d.name, d.extension), d.bytes, d.contentType);
  const removeNew = () =>
    Promise.all(derivatives.map((d) => deps.store.remove(derivativeKey(key, d.name, d.extension))));
  let previous: string | null | undefined;
  try {
    previous = await deps.uow((r) => r.loyaltyTypes.setTypeImage(kind, chainId, typeId, key));
  } catch (error) {
    await removeNew();
    throw error;
  }
  if (previous === undefined) {
    await removeNew();
    throw notFound(kind === 'membership' ? 'Membership type' : 'Certificate type');
  }
  if (previous)
    await Promise.all(
      ['card', 'thumb'].map((n) => deps.store.remove(derivativeKey(previous, n as 'card'))),
    );
  return key;
}

export async function removeTypeImage(
  deps: Pick<Deps, 'uow' | 'store'>,
  kind: TypeKind,
  chainId: number,
  typeId: number,
): Promise<void> {
  const previous = await deps.uow((r) => r.loyaltyTypes.setTypeImage(kind, chainId, typeId, null));
  if (previous === undefined)
    throw notFound(kind === 'membership' ? 'Membership type' : 'Certificate type');
  if (previous)
    await Promise.all(
      ['card', 'thumb'].map((n) => deps.store.remove(derivativeKey(previous, n as 'card'))),
    );
}
