# Declarations of the home-manager options Gentry's home-manager module sets, written to match
# home-manager's types (modules/home-environment.nix: home.packages; modules/misc/xdg.nix with
# modules/lib/file-type.nix: xdg.configFile.<name>.{text,force,onChange}; assertions, warnings).
{ lib, ... }:
let
  inherit (lib) mkOption types;
in
{
  options = {
    home.packages = mkOption { type = types.listOf types.package; default = [ ]; };
    xdg.configFile = mkOption {
      type = types.attrsOf (types.submodule {
        options = {
          text = mkOption { type = types.nullOr types.lines; default = null; };
          force = mkOption { type = types.bool; default = false; };
          onChange = mkOption { type = types.lines; default = ""; };
        };
      });
      default = { };
    };
    assertions = mkOption { type = types.listOf types.unspecified; internal = true; default = [ ]; };
    warnings = mkOption { type = types.listOf types.str; internal = true; default = [ ]; };
  };
}
