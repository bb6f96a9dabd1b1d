import { type ReactNode, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'manual';

interface SecretBoxProps {
  testId: string;
  valueTestId?: string;
  heading: string;
  value: string;
  /** What the reader must know: shown once, what it grants. */
  children: ReactNode;
  onDismiss: () => void;
}

/** A secret the server gives once: shown until the admin dismisses it, with a way to copy it. */
export function SecretBox({ testId, valueTestId, heading, value, children, onDismiss }: SecretBoxProps) {
  const valueRef = useRef<HTMLElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  const selectValue = () => {
    const element = valueRef.current;
    const selection = window.getSelection();
    if (!element || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copy = async () => {
    try {
      // The clipboard API exists only on HTTPS or localhost; elsewhere the text is selected for Ctrl+C.
      if (!window.isSecureContext) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setCopyState('copied');
    } catch {
      selectValue();
      setCopyState('manual');
    }
  };

  return (
    <div className="secret-box" data-testid={testId} role="region" aria-label={heading}>
      <h3>{heading}</h3>
      <div className="secret-note">{children}</div>
      <code className="secret-value" ref={valueRef} data-testid={valueTestId}>
        {value}
      </code>
      <div className="button-row">
        <button type="button" className="button-primary" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" onClick={onDismiss}>
          I have copied it: hide
        </button>
        <span role="status" className="copy-status">
          {copyState === 'copied' && '✔ Copied.'}
          {copyState === 'manual' && 'The text is selected: press Ctrl+C (or ⌘C) to copy it.'}
        </span>
      </div>
    </div>
  );
}
