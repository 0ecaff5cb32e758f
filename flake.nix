# Gentry as a flake: the app and the privileged helper for x86_64-linux and aarch64-linux, a NixOS
# module that installs both (and the helper's polkit policy), a home-manager module, an overlay, a
# development shell and checks (the two builds and a NixOS VM test). docs/install.md says how to use
# it and what of it was checked where.
{
  description = "Gentry: see, diff, switch and pin NixOS and home-manager generations";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs =
    { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;

      systems = [ "x86_64-linux" "aarch64-linux" ];
      forAllSystems = f: lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});

      version = (builtins.fromJSON (builtins.readFile ./package.json)).version;

      # The source without what a checkout builds or installs into itself.
      built = [ "node_modules" "out" "dist" "electron-builder-out" "test-results" "native-helpers/gentry-helper/target" ];
      src = lib.cleanSourceWith {
        name = "gentry-source";
        src = lib.cleanSource ./.;
        filter = path: _type: !(lib.elem (lib.removePrefix (toString ./. + "/") (toString path)) built);
      };

      # Both packages, built with any package set (the flake's own, or a system's through the modules).
      gentryPackages = pkgs: {
        gentry = pkgs.callPackage ./nix/package.nix { inherit src version; };
        gentry-helper = pkgs.callPackage ./nix/helper.nix { inherit src version; };
      };
    in
    {
      packages = forAllSystems (pkgs: let p = gentryPackages pkgs; in p // { default = p.gentry; });

      overlays.default = final: _prev: gentryPackages final;

      # Built with the system's own nixpkgs (its electron, Node and Rust), not a second nixpkgs.
      nixosModules.default = { pkgs, lib, ... }: {
        imports = [ ./nix/nixos-module.nix ];
        programs.gentry.package = lib.mkDefault (gentryPackages pkgs).gentry;
        programs.gentry.helper.package = lib.mkDefault (gentryPackages pkgs).gentry-helper;
      };

      homeModules.default = { pkgs, lib, ... }: {
        imports = [ ./nix/home-module.nix ];
        programs.gentry.package = lib.mkDefault (gentryPackages pkgs).gentry;
      };
      # The older name some configurations use (`nix flake check` only knows homeModules).
      homeManagerModules = self.homeModules;

      devShells = forAllSystems (pkgs: {
        default = import ./nix/dev-shell.nix { inherit pkgs; };
      });

      checks = forAllSystems (pkgs: {
        inherit (gentryPackages pkgs) gentry gentry-helper;
        # A NixOS VM: needs nixpkgs and KVM (nix/vm-test.nix says what it does).
        vm = import ./nix/vm-test.nix { inherit pkgs self; };
      });
    };
}
