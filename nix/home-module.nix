# The home-manager module: `programs.gentry`, for people without root (or who keep their tools in
# home-manager). It installs the app and, when `settings` is set, writes ~/.config/gentry/config.json
# in the format the app checks (SettingsSchema in common/contract/settings.ts; main/settings/settings.ts).
#
# With `settings` set the file belongs to home-manager: what the app's settings screen saves lasts
# until the next `home-manager switch`, which puts the declared file back (force = true, because the
# app's atomic save replaces the link with a plain file). Leave `settings` null to let the app own it.
# The privileged helper is a system matter: on NixOS use the NixOS module, elsewhere see docs/install.md.
{ config, lib, pkgs, ... }:
let
  cfg = config.programs.gentry;
  inherit (lib) types mkOption;

  # The app's FlakeRefSchema, as a POSIX extended regular expression (builtins.match matches the whole
  # string): an absolute or ~/ path, path:, git+file://, github:OWNER/REPO[/REF] or git+https://, with
  # an optional #attr. nix/home-module.integration.test.ts checks that both accept the same examples.
  flakeRefRegex = ''(/[^[:space:]#?]*|~/[^[:space:]#?]*|path:[^[:space:]#]+|git\+file://[^[:space:]#]+|github:[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^[:space:]#]+)?|git\+https://[^[:space:]#]+)(#[A-Za-z0-9_.@"+-]+)?'';

  boundedStr = max: type: types.addCheck type (s: lib.stringLength s >= 1 && lib.stringLength s <= max) // {
    description = "${type.description} of 1 to ${toString max} characters";
  };

  flakeRef = boundedStr 4096 (types.strMatching flakeRefRegex);

  overlayTarget = types.submodule {
    options = {
      name = mkOption {
        type = boundedStr 64 (types.strMatching "[A-Za-z0-9_.-]+");
        example = "laptop";
        description = "The target's name, as `gentry pins --target NAME` takes it.";
      };
      path = mkOption {
        type = boundedStr 4096 (types.strMatching "/.*");
        example = "/home/me/nixos-config/gentry-pins";
        description = "The directory that holds this target's `pins.json` and `overlay.nix` (absolute).";
      };
      kind = mkOption {
        type = types.enum [ "system" "home" ];
        description = "Whether the overlay is wired into the system (`nixpkgs.overlays` in NixOS) or into home-manager.";
      };
    };
  };

  settingsType = types.submodule {
    options = {
      systemFlake = mkOption {
        type = types.nullOr flakeRef;
        default = null;
        example = "/etc/nixos#atlas";
        description = "The flake the system is built from; null when not set.";
      };
      homeFlake = mkOption {
        type = types.nullOr flakeRef;
        default = null;
        example = "~/nixos-config#me@atlas";
        description = "The flake home-manager is built from; null when not set.";
      };
      nixpkgsGit = mkOption {
        type = types.nullOr (boundedStr 4096 types.str);
        default = null;
        description = "A local nixpkgs git checkout to search for older versions (pins); null when none.";
      };
      overlayTargets = mkOption {
        type = types.addCheck (types.listOf overlayTarget) (l: lib.length l <= 32) // {
          description = "list of at most 32 overlay targets";
        };
        default = [ ];
        description = "Where Gentry keeps overlays of pinned packages (docs/pins.md). Names and paths must be unique.";
      };
      runHistoryLimitMiB = mkOption {
        type = types.ints.between 1 100000;
        default = 200;
        description = "Run logs are pruned, oldest first, past this many MiB.";
      };
    };
  };

  # The file's content: the app's field names, with version 1.
  configJson = s: builtins.toJSON {
    version = 1;
    inherit (s) systemFlake homeFlake nixpkgsGit runHistoryLimitMiB;
    overlayTargets = map (t: { inherit (t) name path kind; }) s.overlayTargets;
  };

  duplicates = l: lib.unique (lib.filter (v: lib.count (x: x == v) l > 1) l);
  targets = if cfg.settings == null then [ ] else cfg.settings.overlayTargets;
  dupNames = duplicates (map (t: t.name) targets);
  dupPaths = duplicates (map (t: t.path) targets);
in
{
  options.programs.gentry = {
    enable = lib.mkEnableOption "Gentry, the app for NixOS and home-manager generations";

    package = mkOption {
      type = types.package;
      default = pkgs.gentry or (throw "programs.gentry.package: pkgs has no gentry; import the Gentry flake's homeModules.default (which sets it), add its overlays.default, or set programs.gentry.package.");
      defaultText = lib.literalExpression "the Gentry flake's gentry package, built with this nixpkgs";
      description = "The Gentry package.";
    };

    settings = mkOption {
      type = types.nullOr settingsType;
      default = null;
      example = lib.literalExpression ''
        {
          homeFlake = "~/nixos-config#me@atlas";
          overlayTargets = [ { name = "home"; path = "/home/me/nixos-config/pins"; kind = "home"; } ];
        }
      '';
      description = "The content of ~/.config/gentry/config.json; null (the default) leaves that file to the app.";
    };
  };

  config = lib.mkIf cfg.enable {
    home.packages = [ cfg.package ];

    assertions = [
      {
        assertion = dupNames == [ ];
        message = "programs.gentry.settings.overlayTargets: two targets are named ${lib.concatStringsSep ", " dupNames}; give each target its own name.";
      }
      {
        assertion = dupPaths == [ ];
        message = "programs.gentry.settings.overlayTargets: two targets use ${lib.concatStringsSep ", " dupPaths}; each target needs its own directory.";
      }
    ];

    xdg.configFile."gentry/config.json" = lib.mkIf (cfg.settings != null) {
      text = configJson cfg.settings + "\n";
      force = true;
    };
  };
}
