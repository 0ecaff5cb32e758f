# `nix develop`: what `npm ci` and `npm test` need (README's prerequisites), from nixpkgs.
{ pkgs }:
pkgs.mkShell {
  packages = [
    pkgs.nodejs_24
    pkgs.cargo
    pkgs.rustc
    pkgs.clippy
    pkgs.rustfmt
    pkgs.nix
    pkgs.chromium
  ];
  env = {
    # npm ci: no Electron download (package.json's allowScripts does the same for npm 11).
    ELECTRON_SKIP_BINARY_DOWNLOAD = "1";
    # Playwright drives this Chromium (playwright.config.ts reads GENTRY_CHROMIUM).
    GENTRY_CHROMIUM = "${pkgs.chromium}/bin/chromium";
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";
  };
}
