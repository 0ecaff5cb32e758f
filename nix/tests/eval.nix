# What nix/*.integration.test.ts evaluate: Gentry's flake, its NixOS and home-manager modules and the
# VM test's machine, with nixpkgs' REAL lib (lib.evalModules, option types) and the STAND-IN packages
# of ./stub-nixpkgs.nix. Every case returns plain data (nix-instantiate --eval --strict --json), or
# fails the way NixOS does when an assertion fails ("Failed assertions: - <message>").
{
  libPath,
  case,
  # JSON text: the NixOS or home-manager configuration of the case (attribute paths as nested objects).
  configJson ? "{}",
  withPkexecWrapperOption ? true,
}:
let
  lib = import libPath;
  root = ../..;
  nixpkgs = import ./stub-nixpkgs.nix { inherit lib; };
  system = "x86_64-linux";
  pkgs = nixpkgs.legacyPackages.${system};

  flake = import (root + "/flake.nix");
  # The flake's outputs with its inputs supplied here (what `nix flake` would pass: self and nixpkgs).
  self = flake.outputs { inherit self nixpkgs; } // { outPath = root; };

  userConfig = builtins.fromJSON configJson;

  # As NixOS's system.build.toplevel: fail with every failed assertion's message.
  checked = config: value:
    let failed = map (a: a.message) (lib.filter (a: !a.assertion) config.assertions);
    in if failed != [ ] then throw "\nFailed assertions:\n${lib.concatMapStrings (m: "- ${m}\n") failed}" else value;

  evalNixos = modules: (lib.evalModules {
    modules = [
      (import ./nixos-options.nix { inherit withPkexecWrapperOption; })
      { _module.args = { inherit pkgs; }; }
    ] ++ modules;
  }).config;

  nixosSummary = config: checked config {
    systemPackages = map (p: p.name) config.environment.systemPackages;
    inherit (config.environment) pathsToLink;
    polkit = {
      inherit (config.security.polkit) enable extraConfig;
      enablePkexecWrapper = config.security.polkit.enablePkexecWrapper or null;
    };
    helperPath = config.programs.gentry.helper.path;
    # Where the policy file sits in the helper package (linked to /run/current-system/sw/share/polkit-1/actions/ by polkit's module).
    policyFile = "${config.programs.gentry.helper.package}/share/polkit-1/actions/org.gentry.helper.policy";
    helperPostInstall = config.programs.gentry.helper.package.drvAttrs.postInstall;
    inherit (config) warnings;
  };

  homeSummary = userConfig:
    let
      config = (lib.evalModules {
        modules = [ ./hm-options.nix { _module.args = { inherit pkgs; }; } self.homeModules.default userConfig ];
      }).config;
    in checked config {
      packages = map (p: p.name) config.home.packages;
      configFile = config.xdg.configFile."gentry/config.json" or null;
    };

  cases = {
    flake = {
      outputs = lib.attrNames (removeAttrs self [ "outPath" ]);
      packages = lib.mapAttrs (_: lib.attrNames) self.packages;
      checks = lib.mapAttrs (_: lib.attrNames) self.checks;
      devShells = lib.mapAttrs (_: lib.attrNames) self.devShells;
      nixosModules = lib.attrNames self.nixosModules;
      homeModules = lib.attrNames self.homeModules;
      homeManagerModulesIsAlias = self.homeManagerModules == self.homeModules;
      overlay = lib.attrNames (self.overlays.default pkgs pkgs);
      defaultIsGentry = self.packages.${system}.default.name == self.packages.${system}.gentry.name;
      gentry = let a = self.packages.${system}.gentry.drvAttrs; in {
        name = self.packages.${system}.gentry.name;
        inherit (a) env buildPhase installPhase npmRebuildFlags;
        npmDepsLockPackages = a.npmDeps.drvAttrs.lockPackages;
        nativeBuildInputs = map (p: p.name) a.nativeBuildInputs;
        desktopItems = map (d: { inherit (d.drvAttrs) name exec icon; }) a.desktopItems;
        mainProgram = a.meta.mainProgram;
      };
      helper = let a = self.packages.${system}.gentry-helper.drvAttrs; in {
        name = self.packages.${system}.gentry-helper.name;
        inherit (a) postInstall sourceRoot;
        cargoLock = toString a.cargoLock.lockFile;
        inherit (a.passthru) policyExecPath;
      };
      # The source filter: what a checkout builds into itself stays out of the package's source.
      srcKeeps = let f = self.packages.${system}.gentry.drvAttrs.src.filter; r = toString root; in {
        main = f "${r}/main" "directory";
        packageLock = f "${r}/package-lock.json" "regular";
        nodeModules = f "${r}/node_modules" "directory";
        out = f "${r}/out" "directory";
        helperTarget = f "${r}/native-helpers/gentry-helper/target" "directory";
        nestedOut = f "${r}/main/out" "directory";
      };
      devShell = let a = self.devShells.${system}.default.drvAttrs; in {
        packages = map (p: p.name) a.packages;
        inherit (a) env;
      };
      vm = let t = self.checks.${system}.vm.test; in {
        inherit (t) name testScript;
        imports = map (m: if builtins.isString m then m else "<module>") t.nodes.machine.imports;
      };
    };

    # The flake's nixosModules.default with the configuration of the case.
    nixos = nixosSummary (evalNixos [ self.nixosModules.default userConfig ]);

    # nix/nixos-module.nix alone (no flake wrapper, no overlay): its package defaults have nothing to take.
    nixos-plain = nixosSummary (evalNixos [ (root + "/nix/nixos-module.nix") userConfig ]);

    # The VM test's machine module (nix/vm-machine.nix; nixpkgs' own test modules are not here).
    vm-machine =
      let
        machine = lib.last self.checks.${system}.vm.test.nodes.machine.imports;
        config = evalNixos [ machine { users.users.alice.isNormalUser = true; } ];
      in nixosSummary config // {
        alice = { inherit (config.users.users.alice) extraGroups; };
        autoUser = config.test-support.displayManager.auto.user;
      };

    # The flake's homeModules.default with the configuration of the case.
    home = homeSummary userConfig;

    # configJson is a list of flake references: for each, whether the module takes it as
    # settings.systemFlake (one evaluation, each attempt under tryEval).
    home-flake-refs = map (ref:
      (builtins.tryEval (builtins.deepSeq
        (homeSummary { programs.gentry = { enable = true; settings.systemFlake = ref; }; })
        true)).success) userConfig;
  };
in
cases.${case}
