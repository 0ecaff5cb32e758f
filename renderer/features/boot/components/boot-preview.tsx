// What a boot change will do, shown before it runs: the summary, what is written, before → after,
// warnings, and — when the next nixos-rebuild undoes it — the line to put in the configuration instead.
import { useState } from 'react';
import type { BootChangePreview } from '../../../../common/contract/index.ts';
import { copyText } from '../../../shared/lib/copy-text.ts';

function isShort(value: string | null): boolean {
  return value === null || (!value.includes('\n') && value.length <= 80);
}

function Value({ value }: { value: string | null }) {
  return value === null ? <span className="missing">not set</span> : <code className="selectable">{value}</code>;
}

/** The line to put in the configuration, with a copy button. */
export function DeclarativeLine({ line }: { line: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="declarative">
      <pre className="declarative-code" data-testid="boot-declarative"><code>{line}</code></pre>
      <button
        type="button"
        className="button button-small"
        onClick={() => void copyText(line).then(setCopied)}
        data-testid="boot-declarative-copy"
        title="Copy the line to paste it into configuration.nix"
      >
        {copied === true ? 'Copied' : 'Copy'}
      </button>
      {copied === false && <span className="muted">Copying was refused: select the line and copy it.</span>}
    </div>
  );
}

/** The preview of a boot change. */
export function BootPreview({ preview }: { preview: BootChangePreview }) {
  const short = isShort(preview.before) && isShort(preview.after);
  return (
    <div className="boot-preview" data-testid="boot-preview" data-undone={preview.undoneByRebuild}>
      <p className="preview-figure" data-testid="boot-preview-summary">{preview.summary}</p>
      <p className="muted">Writes <code>{preview.target}</code></p>
      {short ? (
        <p className="boot-change-line" data-testid="boot-preview-change">
          <Value value={preview.before} /> <span aria-label="becomes">→</span> <Value value={preview.after} />
        </p>
      ) : (
        <div className="boot-texts" data-testid="boot-preview-change">
          <figure>
            <figcaption>Before</figcaption>
            {preview.before === null ? <p className="missing">no file</p> : <pre className="boot-text">{preview.before}</pre>}
          </figure>
          <figure>
            <figcaption>After</figcaption>
            {preview.after === null ? <p className="missing">removed</p> : <pre className="boot-text">{preview.after}</pre>}
          </figure>
        </div>
      )}
      {preview.warnings.length > 0 && (
        <ul className="notice-box boot-preview-warnings" data-testid="boot-preview-warnings">
          {preview.warnings.map((warning, index) => <li key={index}>{warning}</li>)}
        </ul>
      )}
      {preview.undoneByRebuild && (
        <div className="undone-note" role="note" data-testid="boot-undone">
          <strong>The next nixos-rebuild will undo this.</strong>
          {preview.declarative ? (
            <>
              <span>To keep it, put this line in your NixOS configuration as well:</span>
              <DeclarativeLine line={preview.declarative} />
            </>
          ) : (
            <span>NixOS rewrites this on every switch; change your configuration to keep it.</span>
          )}
        </div>
      )}
      {!preview.undoneByRebuild && preview.declarative && (
        <div className="declarative-note">
          <span className="muted">The same in your NixOS configuration:</span>
          <DeclarativeLine line={preview.declarative} />
        </div>
      )}
    </div>
  );
}
