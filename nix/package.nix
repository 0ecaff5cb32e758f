# gentry: the app built from this source with nixpkgs' Electron (nothing downloaded), and the `gentry`
# command (the same build's CLI bundle, run by nixpkgs' Node 24).
#
# - npm dependencies come from package-lock.json through importNpmLock (each package fetched by the
#   integrity hash already in the lock file; no second hash to keep up to date);
# - Electron's own postinstall download is off (ELECTRON_SKIP_BINARY_DOWNLOAD);
# - node-pty is compiled against nixpkgs' Electron headers (its prebuilt binaries are not used); it is
#   an N-API addon, so the same pty.node serves the window (Electron) and the CLI (Node 24);
# - electron-vite builds main, preload and renderer, scripts/build-cli.js the CLI bundle;
# - electron-builder --linux --dir packs resources/app.asar (node-pty unpacked beside it) from a
#   writable copy of electron.dist; the app runs with nixpkgs' electron, wrapped with makeWrapper.
{
  lib,
  stdenv,
  importNpmLock,
  nodejs_24,
  electron,
  makeWrapper,
  copyDesktopItems,
  makeDesktopItem,
  python3,
  src,
  version,
}:
stdenv.mkDerivation {
  pname = "gentry";
  inherit version src;

  npmDeps = importNpmLock { npmRoot = src; };

  nativeBuildInputs = [
    nodejs_24
    importNpmLock.npmConfigHook
    makeWrapper
    copyDesktopItems
    python3
  ];

  env = {
    ELECTRON_SKIP_BINARY_DOWNLOAD = "1";
    # node-pty: compile, never take a prebuilt binary.
    npm_config_build_from_source = "true";
  };

  # The hook runs `npm install --ignore-scripts`, then `npm rebuild`. Only node-pty needs a build
  # step (against Electron's headers, below); every other install script is skipped, among them the
  # `node` devDependency's, which would download a Node binary.
  npmRebuildFlags = [ "--ignore-scripts" ];

  buildPhase = ''
    runHook preBuild

    # The `node` devDependency only brings Node 24 to checkouts; here nixpkgs' Node 24 is on PATH.
    rm -rf node_modules/node node_modules/.bin/node

    npm rebuild node-pty --nodedir=${electron.headers}
    test -f node_modules/node-pty/build/Release/pty.node
    # What the compiler left beside the addon names the compiler's, Python's and the headers' store
    # paths (they would become runtime dependencies); the addon and spawn-helper are all that runs.
    rm -rf node_modules/node-pty/build/{Makefile,*.Makefile,*.mk,config.gypi,Debug,deps} \
      node_modules/node-pty/build/Release/{obj.target,.deps} \
      node_modules/node-pty/{prebuilds,src,deps,third_party,node-addon-api,binding.gyp}

    node scripts/build.js

    # importNpmLock's hook replaced package.json and package-lock.json with copies that name the npm
    # tarballs' store paths; put the originals back so that neither app.asar nor $out refers to them
    # (they would all become runtime dependencies).
    cp .package.json.orig package.json
    cp .package-lock.json.orig package-lock.json

    cp -r ${electron.dist} electron-dist
    chmod -R u+w electron-dist
    node node_modules/electron-builder/cli.js --linux --dir \
      -c.electronDist=electron-dist \
      -c.electronVersion=${electron.version} \
      -c.npmRebuild=false \
      -c.directories.output=electron-builder-out

    runHook postBuild
  '';

  installPhase = ''
    runHook preInstall

    # The window: the packed app.asar (and node-pty beside it), run by nixpkgs' electron.
    mkdir -p $out/share/gentry
    cp -r electron-builder-out/linux*-unpacked/resources $out/share/gentry/resources
    makeWrapper ${lib.getExe electron} $out/bin/gentry-app \
      --add-flags $out/share/gentry/resources/app.asar \
      --set-default ELECTRON_FORCE_IS_PACKAGED 1 \
      --inherit-argv0

    # The command: bin/gentry.js and the CLI bundle with the production node_modules. The store's
    # fixed modification times make bin/gentry.js take the bundle (out/cli) rather than sources.
    npm prune --omit=dev --no-save --ignore-scripts
    rm -f node_modules/.package-lock.json
    mkdir -p $out/lib/gentry
    cp -r package.json bin out node_modules $out/lib/gentry/
    mkdir -p $out/lib/gentry/scripts
    cp scripts/build-if-stale.js $out/lib/gentry/scripts/
    rm -rf $out/lib/gentry/out/main $out/lib/gentry/out/preload
    makeWrapper ${lib.getExe nodejs_24} $out/bin/gentry \
      --add-flags $out/lib/gentry/bin/gentry.js \
      --set-default GENTRY_APP $out/bin/gentry-app

    install -Dm644 nix/gentry.svg $out/share/icons/hicolor/scalable/apps/gentry.svg

    runHook postInstall
  '';

  desktopItems = [
    (makeDesktopItem {
      name = "gentry";
      desktopName = "Gentry";
      genericName = "NixOS generations";
      comment = "See, diff, switch and pin NixOS and home-manager generations";
      exec = "gentry-app %U";
      icon = "gentry";
      categories = [ "System" "Utility" ];
      startupWMClass = "gentry";
    })
  ];

  passthru = { inherit electron; nodejs = nodejs_24; };

  meta = {
    description = "See, diff, switch and pin NixOS and home-manager generations";
    license = lib.licenses.mit;
    platforms = lib.platforms.linux;
    mainProgram = "gentry";
  };
}
