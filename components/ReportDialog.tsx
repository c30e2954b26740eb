import { useEffect, useRef, useState } from 'react';
import { t, type Locale } from '@/lib/i18n';
import type { OriginalAction } from '@/lib/policy/types';
import { keepFocusInside } from './focus';

export interface ReportDialogProps {
  locale: Locale;
  /** The help desk's address (the first of the policy's report addresses). */
  address: string;
  /** `compose`: the webmail's compose opens for the user to press Send; `direct`: sent on confirm. */
  route: 'compose' | 'direct';
  original: OriginalAction;
  onConfirm: (comment: string) => void;
  onCancel: () => void;
}

/**
 * Asked before a report goes (policy may turn it off): what will be sent, to whom, from where,
 * what happens to the original, and room for a comment. The comment is plain text.
 */
export function ReportDialog({ locale, address, route, original, onConfirm, onCancel }: ReportDialogProps) {
  const [comment, setComment] = useState('');
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div className="guard__backdrop">
      <div
        className="guard report-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="khienthu-report-title"
        aria-describedby="khienthu-report-what"
        lang={locale}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
          else if (event.key === 'Tab') keepFocusInside(event);
        }}
      >
        <h2 id="khienthu-report-title" className="guard__title report-dialog__title">
          {t(locale, 'report.dialog.title')}
        </h2>
        <p id="khienthu-report-what">{t(locale, 'report.dialog.what', { address })}</p>
        <p>{t(locale, route === 'compose' ? 'report.dialog.compose' : 'report.dialog.direct')}</p>
        {original !== 'keep' && <p>{t(locale, `report.dialog.original.${original}`)}</p>}
        <label className="report-dialog__label" htmlFor="khienthu-report-comment">
          {t(locale, 'report.dialog.comment')}
        </label>
        <textarea
          id="khienthu-report-comment"
          className="report-dialog__comment"
          rows={3}
          maxLength={2000}
          value={comment}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
        <div className="guard__actions">
          <button type="button" data-khienthu-action="report-cancel" onClick={onCancel}>
            {t(locale, 'report.dialog.cancel')}
          </button>
          <button
            ref={confirm}
            type="button"
            className="guard__cancel"
            data-khienthu-action="report-confirm"
            onClick={() => onConfirm(comment)}
          >
            {t(locale, 'report.dialog.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
