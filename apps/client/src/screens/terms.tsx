import { useEffect, useRef, useState } from 'react';
import { app } from '../api';
import { useApp } from '../context';
import { errorText } from '../errors';
import type { TermsKind, TermsTexts } from '../types';

/**
 * The texts behind the consent boxes (`GET /terms?language=`), read in a modal dialog: it takes
 * the focus (its heading), Escape or Close shut it, and the focus goes back to the link that
 * opened it. The service worker keeps the last answer, so a text once seen opens offline too.
 */
export function useTermsTexts(reload = 0): { texts: TermsTexts | null; error: string | null } {
  const { t, language } = useApp();
  const [texts, setTexts] = useState<TermsTexts | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    app<TermsTexts>('GET', `/terms?language=${language}`)
      .then((loaded) => live && setTexts(loaded))
      .catch((e: unknown) => live && setError(errorText(e, t)));
    return () => {
      live = false;
    };
  }, [language, t, reload]);
  return { texts, error };
}

/** `## ` lines are headings, blank lines separate paragraphs. */
function TermsBody(props: { body: string }) {
  const blocks = props.body.split(/\n\s*\n/);
  return (
    <>
      {blocks.flatMap((block, i) => {
        const lines = block.split('\n');
        return lines
          .reduce<{ heading: string | null; text: string[] }[]>((out, line) => {
            if (line.startsWith('## ')) out.push({ heading: line.slice(3).trim(), text: [] });
            else if (out.length === 0) out.push({ heading: null, text: [line] });
            else out[out.length - 1]!.text.push(line);
            return out;
          }, [])
          .map((part, j) => (
            <div key={`${i}-${j}`}>
              {part.heading && <h3>{part.heading}</h3>}
              {part.text.length > 0 && <p>{part.text.join('\n')}</p>}
            </div>
          ));
      })}
    </>
  );
}

export function TermsDialog(props: {
  kind: TermsKind | null;
  texts: TermsTexts | null;
  error: string | null;
  onClose: () => void;
}) {
  const { t } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.kind) {
      if (element.open) return;
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      heading.current?.focus();
    } else {
      if (element.open) element.close();
      opener.current?.focus();
      opener.current = null;
    }
  }, [props.kind]);
  const text = props.kind ? props.texts?.[props.kind] : undefined;
  return (
    <dialog
      ref={dialog}
      className="terms-dialog"
      aria-labelledby="terms-title"
      onClose={props.onClose}
    >
      <div className="terms-head">
        <h2 id="terms-title" ref={heading} tabIndex={-1}>
          {text?.title ?? t('consent.read_loading')}
        </h2>
        <button type="button" className="button small secondary" onClick={props.onClose}>
          {t('consent.close')}
        </button>
      </div>
      {text ? (
        <div className="terms-text" lang={text.language}>
          <p className="muted">{t('consent.version', { v: text.version })}</p>
          <TermsBody body={text.body} />
        </div>
      ) : (
        props.error && <p className="form-error">{props.error}</p>
      )}
      <button type="button" className="button primary wide" onClick={props.onClose}>
        {t('consent.back')}
      </button>
    </dialog>
  );
}
