// Attributes on <body> that end-to-end tests wait on instead of sleeping.

/** Marks the page ready (`data-ready="true"`) and names the screen shown (`data-screen`). */
export function markScreen(screen: string): void {
  document.body.dataset.screen = screen;
  if (screen !== 'loading') document.body.dataset.ready = 'true';
}

/** Says whether a diff has rendered (`data-diff-ready="true"`), is on its way (`"false"`), or no diff shows (attribute removed). */
export function markDiffReady(ready: boolean | null): void {
  if (ready === null) delete document.body.dataset.diffReady;
  else document.body.dataset.diffReady = String(ready);
}
