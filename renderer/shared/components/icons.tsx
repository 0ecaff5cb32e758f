// Small inline SVG icons (no image files, no icon fonts).

/** A warning triangle; `label` is read out and shown as a tooltip. */
export function WarningIcon({ label }: { label: string }) {
  return (
    <svg className="icon icon-warning" viewBox="0 0 16 16" role="img" aria-label={label} width="14" height="14">
      <title>{label}</title>
      <path d="M8 1.5 15 14H1L8 1.5Z" fill="currentColor" />
      <path d="M7.25 6h1.5v4h-1.5zM7.25 11h1.5v1.5h-1.5z" className="icon-warning-mark" />
    </svg>
  );
}

/** A spinning ring for work under way (hidden from screen readers; say what is happening in text). */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
