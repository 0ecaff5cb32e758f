# A STAND-IN for nixpkgs, for the tests on machines without it: nixpkgs' real `lib` (passed in) plus
# derivation-shaped attribute sets in place of the packages and builders the flake uses. Nothing
# here builds; each stand-in records the attributes it was called with (`drvAttrs`) so a test can
# read what nix/package.nix and nix/helper.nix ask for. Used by nix/tests/eval.nix only.
{ lib }:
let
  fakeHash = name: builtins.substring 0 32 (builtins.hashString "sha256" name);

  # A derivation-shaped value: what `lib.types.package` and `lib.isDerivation` accept.
  drv = name: attrs: {
    type = "derivation";
    inherit name;
    outPath = "/nix/store/${fakeHash name}-${name}";
    drvAttrs = attrs;
  };

  pkgsFor = system: lib.fix (self: {
    inherit lib;
    callPackage = lib.callPackageWith self;
    path = "/nixpkgs-is-not-here";
    stdenv = {
      hostPlatform = { inherit system; };
      mkDerivation = attrs: drv "${attrs.pname}-${attrs.version}" attrs;
    };
    rustPlatform.buildRustPackage = attrs: drv "${attrs.pname}-${attrs.version}" attrs;
    # importNpmLock reads the lock file at evaluation time; the stand-in does too, and says what it read.
    importNpmLock = {
      __functor = _: args: drv "npm-deps" (args // {
        lockPackages = builtins.length (builtins.attrNames
          (builtins.fromJSON (builtins.readFile (args.npmRoot.origSrc or args.npmRoot + "/package-lock.json"))).packages);
      });
      npmConfigHook = drv "npm-config-hook" { };
    };
    nodejs_24 = drv "nodejs-24.0.0" { } // { meta.mainProgram = "node"; };
    electron = drv "electron-99.0.0" { } // {
      version = "99.0.0";
      headers = drv "electron-headers-99.0.0" { };
      dist = "/nix/store/${fakeHash "electron"}-electron-99.0.0/libexec/electron";
      meta.mainProgram = "electron";
    };
    makeWrapper = drv "make-wrapper-hook" { };
    copyDesktopItems = drv "copy-desktop-items-hook" { };
    makeDesktopItem = attrs: drv "${attrs.name}.desktop" attrs;
    python3 = drv "python3-3.13.0" { };
    mkShell = attrs: drv "nix-shell" attrs;
    cargo = drv "cargo-1.91.0" { };
    rustc = drv "rustc-1.91.0" { };
    clippy = drv "clippy-1.91.0" { };
    rustfmt = drv "rustfmt-1.91.0" { };
    nix = drv "nix-2.31.0" { };
    chromium = drv "chromium-140.0" { };
    # runNixOSTest would build and boot VMs; the stand-in keeps the test's definition to look at.
    testers.runNixOSTest = test: drv "vm-test-run-${test.name}" { } // { inherit test; };
  });
in
{
  inherit lib;
  outPath = "/nixpkgs-is-not-here";
  legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] pkgsFor;
}
