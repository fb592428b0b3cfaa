/**
 * The abbreviations on screen, explained: a button that opens a modal dialog (Escape or Close
 * shut it, focus returns to the button).
 */
import { useId, useRef } from 'react';
import { GLOSSARY } from './glossary-terms';
import './glossary.css';

export function Glossary() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const open = () => {
    const d = dialog.current;
    if (!d) return;
    // jsdom and old browsers lack showModal: an open dialog still shows the terms.
    if (typeof d.showModal === 'function') d.showModal();
    else d.setAttribute('open', '');
  };
  const close = () => {
    const d = dialog.current;
    if (!d) return;
    if (typeof d.close === 'function') d.close();
    else d.removeAttribute('open');
    opener.current?.focus();
  };
  return (
    <>
      <button type="button" ref={opener} className="glossary-button" aria-haspopup="dialog" onClick={open}>
        Glossary
      </button>
      <dialog
        ref={dialog}
        className="glossary"
        aria-labelledby={titleId}
        onClose={() => opener.current?.focus()}
        onClick={(e) => e.target === dialog.current && close()}
      >
        <h2 id={titleId}>Glossary</h2>
        <dl>
          {GLOSSARY.map((t) => (
            <div key={t.term} className="glossary-entry">
              <dt>
                <abbr title={t.expansion}>{t.term}</abbr>{' '}
                <span className="glossary-expansion">{t.expansion}</span>
              </dt>
              <dd>{t.meaning}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={close}>
          Close
        </button>
      </dialog>
    </>
  );
}
