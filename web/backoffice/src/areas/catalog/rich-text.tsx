import { useEffect, useRef } from 'react';
import { useI18n } from '../../core/i18n.js';
import { Button } from '../../ui/misc.js';

/**
 * A small rich-text editor (bold, italic, headings, lists, links) on a contentEditable region.
 * Hand-written because the storefront accepts only a few tags anyway (the server sanitises
 * with sanitize-html) and an editor library would be most of this area's bundle.
 */
export function RichTextEditor({ label, value, onChange, dir, readOnly }: { label: string; value: string; onChange: (html: string) => void; dir?: 'ltr' | 'rtl'; readOnly?: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.innerHTML !== value) ref.current.innerHTML = value;
  }, [value]);
  const cmd = (name: string, arg?: string) => {
    ref.current?.focus();
    document.execCommand(name, false, arg);
    if (ref.current) onChange(ref.current.innerHTML);
  };
  const id = `rte-${label.replace(/\W+/g, '-')}`;
  return (
    <div className="field">
      <label id={`${id}-label`}>{label}</label>
      {!readOnly ? (
        <div className="row" role="toolbar" aria-label={t('catalog.admin.rte.toolbar')}>
          <Button size="sm" onClick={() => cmd('bold')} aria-label={t('catalog.admin.rte.bold')}><strong>B</strong></Button>
          <Button size="sm" onClick={() => cmd('italic')} aria-label={t('catalog.admin.rte.italic')}><em>I</em></Button>
          <Button size="sm" onClick={() => cmd('formatBlock', 'h2')}>H2</Button>
          <Button size="sm" onClick={() => cmd('formatBlock', 'p')}>¶</Button>
          <Button size="sm" onClick={() => cmd('insertUnorderedList')} aria-label={t('catalog.admin.rte.list')}>•</Button>
          <Button size="sm" onClick={() => { const url = window.prompt(t('catalog.admin.rte.linkPrompt')); if (url) cmd('createLink', url); }} aria-label={t('catalog.admin.rte.link')}>🔗</Button>
        </div>
      ) : null}
      <div
        ref={ref}
        id={id}
        className="input rte"
        role="textbox"
        aria-multiline="true"
        aria-labelledby={`${id}-label`}
        dir={dir}
        contentEditable={!readOnly}
        suppressContentEditableWarning
        style={{ minHeight: 140, overflow: 'auto' }}
        onInput={(e) => onChange((e.target as HTMLDivElement).innerHTML)}
        data-testid="rich-text"
      />
    </div>
  );
}
