import type { KeyboardEvent } from 'react';

/**
 * Tab and Shift+Tab cycle through a modal dialog's own controls (the link guard, the report dialog,
 * the password guard's warnings): the page behind it must not take the keyboard while it waits.
 */
export function keepFocusInside(event: KeyboardEvent<HTMLDivElement>): void {
  const dialog = event.currentTarget;
  const controls = [
    ...dialog.querySelectorAll<HTMLElement>(
      'button:not([disabled]), a[href], textarea:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])',
    ),
  ];
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  // in a shadow root, the document's activeElement is the host: ask the dialog's own root
  const active = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
  const outside = !active || !dialog.contains(active);
  if (event.shiftKey && (outside || active === first)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (outside || active === last)) {
    event.preventDefault();
    first.focus();
  }
}
