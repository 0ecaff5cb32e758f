// Attributes on <body> that end-to-end tests wait on instead of sleeping.

/** Marks the page ready (`data-ready="true"`) and names the screen shown (`data-screen`). */
export function markScreen(screen: string): void {
  document.body.dataset.screen = screen;
  if (screen !== 'loading') document.body.dataset.ready = 'true';
}
