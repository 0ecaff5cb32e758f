# Declarations of the NixOS options that Gentry's NixOS module and the VM test's machine set, written
# to match upstream's types (nixos/modules/config/system-path.nix, security/polkit.nix,
# misc/assertions.nix, config/users-groups.nix, virtualisation/qemu-vm.nix, tests/common/auto.nix).
# Only declarations: what the options do on a real system is NixOS's business.
# `withPkexecWrapperOption`: nixpkgs since June 2026 (PR #530106) declares
# security.polkit.enablePkexecWrapper; older nixpkgs does not.
{ withPkexecWrapperOption ? true }:
{ lib, ... }:
let
  inherit (lib) mkOption types;
in
{
  options = {
    environment.systemPackages = mkOption { type = types.listOf types.package; default = [ ]; };
    environment.pathsToLink = mkOption { type = types.listOf types.str; default = [ ]; };

    security.polkit = {
      enable = lib.mkEnableOption "polkit";
      extraConfig = mkOption { type = types.lines; default = ""; };
      adminIdentities = mkOption { type = types.listOf types.str; default = [ "unix-group:wheel" ]; };
    } // lib.optionalAttrs withPkexecWrapperOption {
      enablePkexecWrapper = mkOption { type = types.bool; default = false; };
    };

    assertions = mkOption { type = types.listOf types.unspecified; internal = true; default = [ ]; };
    warnings = mkOption { type = types.listOf types.str; internal = true; default = [ ]; };

    users.users = mkOption {
      type = types.attrsOf (types.submodule {
        options = {
          isNormalUser = mkOption { type = types.bool; default = false; };
          extraGroups = mkOption { type = types.listOf types.str; default = [ ]; };
          password = mkOption { type = types.nullOr types.str; default = null; };
        };
      });
      default = { };
    };

    test-support.displayManager.auto.user = mkOption { type = types.str; default = "root"; };
    virtualisation.memorySize = mkOption { type = types.ints.positive; default = 1024; };
  };
}
