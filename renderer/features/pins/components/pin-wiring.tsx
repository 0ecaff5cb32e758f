// The line that wires an overlay target into the configuration, with a copy button.
import { useState } from 'react';
import { copyText } from '../../../shared/lib/copy-text.ts';

/** The wiring line of a target, in a copyable code block. */
export function WiringBlock({ wiring }: { wiring: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'refused'>('idle');
  async function copy(): Promise<void> {
    setCopied((await copyText(wiring)) ? 'copied' : 'refused');
  }
  return (
    <div className="pin-wiring" data-testid="pin-wiring">
      <p className="muted">Add this once to your configuration, so that it uses the overlay; Gentry keeps the pins in it up to date.</p>
      <div className="pin-wiring-line">
        <pre className="pin-code selectable" data-testid="pin-wiring-line">{wiring}</pre>
        <button type="button" className="button button-small" onClick={() => void copy()} data-state={copied} title="Copy the line to the clipboard" data-testid="pin-wiring-copy">
          {copied === 'copied' ? 'Copied' : copied === 'refused' ? 'Select it instead' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
