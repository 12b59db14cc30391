import { useT } from '../../core/i18n.js';
import { Alert, Button, CopyButton, downloadText } from '../../ui/misc.js';

/** The ten single-use codes, shown once: copy, download, then confirm they are kept. */
export function RecoveryCodes({ codes, email, onDone, doneLabel }: { codes: string[]; email: string; onDone: () => void; doneLabel: string }) {
  const t = useT();
  const text = `${t('backoffice.twofa.codesFileHeader', { email })}\n\n${codes.join('\n')}\n`;
  return (
    <div className="stack" data-testid="recovery-codes">
      <Alert tone="warning" title={t('backoffice.twofa.codesTitle')}>
        {t('backoffice.twofa.codesBody')}
      </Alert>
      <ul className="codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="row">
        <CopyButton text={codes.join('\n')} size="md" />
        <Button icon="download" onClick={() => downloadText('tradelane-recovery-codes.txt', text)}>
          {t('backoffice.common.download')}
        </Button>
        <div style={{ flex: 1 }} />
        <Button variant="primary" onClick={onDone} data-testid="codes-saved">
          {doneLabel}
        </Button>
      </div>
    </div>
  );
}
