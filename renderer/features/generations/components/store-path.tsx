// A store path you can select with one click and copy with a button.
import { useState } from 'react';
import { copyText } from '../../../shared/lib/copy-text.ts';

/** The store path with a Copy button (the text stays selectable if the clipboard refuses). */
export function StorePath({ path }: { path: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'refused'>('idle');
  async function copy(): Promise<void> {
    setCopied((await copyText(path)) ? 'copied' : 'refused');
    setTimeout(() => setCopied('idle'), 2000);
  }
  return (
    <div className="store-path">
      <code className="path selectable" data-testid="store-path">{path}</code>
      <button type="button" className="button button-small" onClick={() => void copy()} data-testid="copy-store-path">
        {copied === 'copied' ? 'Copied' : copied === 'refused' ? 'Select and copy by hand' : 'Copy'}
      </button>
    </div>
  );
}
