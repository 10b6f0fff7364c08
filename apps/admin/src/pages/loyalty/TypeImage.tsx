import { useState } from 'react';
import { mediaPath, upload, v1 } from '../../api';
import { fieldError, Problem } from '../../components/status';
import { checkImage, type Checked } from './image-rules';

type Images = { card: string; thumb: string } | null;

/**
 * The card image of a membership or gift card type: pick a file, see it (and its size) before
 * uploading, the rules checked here with clear messages; after upload the server's cropped card
 * image (the middle 288:184 of the picture) is shown.
 */
export function TypeImage(props: {
  path: string;
  image: Images;
  canWrite: boolean;
  onChange: (image: Images) => void;
}) {
  const [picked, setPicked] = useState<{ file: File; checked: Checked } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function pick(file: File | undefined) {
    setPicked(null);
    setProblem(null);
    setError(null);
    if (!file) return;
    try {
      setPicked({ file, checked: await checkImage(file) });
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  }

  async function send() {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      const res = await upload<{ image: NonNullable<Images> }>(
        props.path,
        'image',
        picked.file,
        picked.file.name,
      );
      props.onChange(res.data.image);
      setPicked(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    try {
      await v1.del(props.path);
      props.onChange(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const serverProblem = fieldError(error, 'image');
  return (
    <fieldset className="type-image">
      <legend>Card image</legend>
      <div className="image-pair">
        <figure>
          {props.image ? (
            <img className="card-image" src={mediaPath(props.image.card)} alt="Stored card image" />
          ) : (
            <div className="card-image placeholder">No image yet</div>
          )}
          <figcaption>Shown on every card (cut to the card’s 288:184 shape)</figcaption>
        </figure>
        {picked ? (
          <figure>
            <img
              className="preview"
              src={picked.checked.dataUrl}
              alt="Preview of the chosen file"
            />
            <figcaption>
              Preview: {picked.checked.width}×{picked.checked.height} px,{' '}
              {(picked.file.size / 1024).toFixed(0)} KB
              {picked.checked.height > picked.checked.width
                ? ' — vertical: its top and bottom will be cut'
                : ''}
            </figcaption>
          </figure>
        ) : null}
      </div>
      {props.canWrite ? (
        <>
          <label>
            Choose an image
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/heic"
              onChange={(e) => void pick(e.target.files?.[0])}
              aria-describedby="image-rules"
              aria-invalid={problem || serverProblem ? true : undefined}
            />
            <small id="image-rules">At most 12 MB, at least 288×184 px; JPEG, PNG, WebP.</small>
          </label>
          {problem ? (
            <p className="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          {serverProblem ? (
            <p className="field-error" role="alert">
              The server refused the image: {serverProblem}
            </p>
          ) : error ? (
            <Problem error={error} right="catalog:write" chain />
          ) : null}
          <div className="actions">
            {props.image ? (
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => void remove()}
              >
                Remove image
              </button>
            ) : null}
            <button type="button" disabled={!picked || busy} onClick={() => void send()}>
              {busy ? 'Uploading…' : 'Upload image'}
            </button>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
