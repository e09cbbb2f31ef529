import { useEffect, useRef } from 'react';

// Single-key shortcuts of a page (the console's j/k/Enter …). They never fire while the reader
// types (a field, a select, an editable area), with a modifier held (the browser's and the
// global search's Ctrl+K stay theirs), or while a dialog or menu is open over the page.

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  // A checkbox or a radio button takes no text: j/k go on working after choosing a row.
  if (tag === 'INPUT')
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((target as HTMLInputElement).type);
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return !!target.closest('[role="combobox"], [role="listbox"], [role="textbox"]');
}

function overlayOpen(): boolean {
  return !!document.querySelector('[role="dialog"], [role="menu"]');
}

/** Enter opens the current row only when focus rests on nothing that handles Enter itself. */
function handlesEnter(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    !!target.closest('a, button, [role="button"], [role="link"], [role="checkbox"], label')
  );
}

export function useShortcuts(handlers: Record<string, () => void>) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typing(event.target) || overlayOpen()) return;
      if (event.key === 'Enter' && handlesEnter(event.target)) return;
      const handler = current.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
