// xterm's DOM renderer writes its colours, fonts and row layout into <style> elements it adds to the page.
// The page's Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') refuses those, and says so in
// the console each time their text changes. So while the terminal opens, the <style> elements it appends are
// kept out of the document (a detached element is never checked), and their text is copied into constructed
// style sheets (document.adoptedStyleSheets, which the policy allows), kept in step as xterm rewrites it.
// A style element added after opening is mirrored too (the browser still refuses and reports the original).

type Copy = { sheet: CSSStyleSheet; text: string | null };

/**
 * Runs `open` (which makes xterm build its DOM) with every <style> element it appends held back, and mirrors
 * those and any <style> later appended under `screen()` (the `.xterm-screen` element, looked up after
 * opening). Returns the function that stops mirroring and removes the copies.
 */
export function openWithMirroredStyles(open: () => void, screen: () => HTMLElement | null): () => void {
  const held: HTMLStyleElement[] = [];
  const proto = Node.prototype as unknown as { appendChild: (this: Node, node: Node) => Node };
  const append = proto.appendChild;
  proto.appendChild = function appendChild(this: Node, node: Node): Node {
    if (node instanceof HTMLStyleElement) {
      held.push(node);
      return node;
    }
    return append.call(this, node);
  };
  try {
    open();
  } finally {
    proto.appendChild = append;
  }

  const root = screen();
  const doc = root?.ownerDocument ?? document;
  const copies = new Map<HTMLStyleElement, Copy>();
  const watch = new MutationObserver(() => sync());

  function adopt(sheets: readonly CSSStyleSheet[]): void {
    doc.adoptedStyleSheets = [...sheets];
  }

  function copyOf(element: HTMLStyleElement): void {
    let copy = copies.get(element);
    if (!copy) {
      copy = { sheet: new CSSStyleSheet(), text: null };
      copies.set(element, copy);
      adopt([...doc.adoptedStyleSheets, copy.sheet]);
      // xterm replaces a style's text by setting textContent: that changes the element's children.
      watch.observe(element, { childList: true, characterData: true, subtree: true });
    }
    const text = element.textContent ?? '';
    if (copy.text !== text) {
      copy.sheet.replaceSync(text);
      copy.text = text;
    }
  }

  function sync(): void {
    for (const element of held) copyOf(element);
    if (root) for (const child of root.children) if (child instanceof HTMLStyleElement) copyOf(child);
  }

  if (root) watch.observe(root, { childList: true });
  sync();
  return () => {
    watch.disconnect();
    const mine = new Set([...copies.values()].map((copy) => copy.sheet));
    copies.clear();
    held.length = 0;
    adopt(doc.adoptedStyleSheets.filter((sheet) => !mine.has(sheet)));
  };
}
