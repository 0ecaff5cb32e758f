# The NixOS module: `programs.gentry`. It installs the app, and the privileged helper where its polkit
# policy says it is, and turns on what pkexec needs.
#
# The helper's one path. The policy (native-helpers/polkit/org.gentry.helper.policy) names
# /run/current-system/sw/libexec/gentry-helper as every action's org.freedesktop.policykit.exec.path,
# and the app (main/helper/helper-client.ts, NIXOS_HELPER) runs `pkexec` with exactly that string;
# pkexec compares it as a string. NixOS does not link /libexec into /run/current-system/sw by
# default, so this module adds "/libexec" to environment.pathsToLink. The other way (a policy
# generated with the helper's store path) would change the path at every helper update and the app
# would have to be told it at run time; one fixed path keeps the app, the policy and this module on
# one constant that nix/helper-path.integration.test.ts checks. Linking /libexec also links the
# libexec/ of the other system packages, which is harmless (nothing runs from there by itself).
{ config, lib, pkgs, options, ... }:
let
  cfg = config.programs.gentry;

  # The helper's path, as the policy names it (see above).
  helperPath = "/run/current-system/sw/libexec/gentry-helper";

  # One polkit action per helper verb (the policy's action ids are org.gentry.helper.<verb>).
  verbs = [ "switch" "delete-generations" "collect-garbage" "boot" "boot-entry" "rebuild" ];

  hasPkexecWrapperOption = options ? security.polkit.enablePkexecWrapper;

  rulesText = ''
    // Gentry (programs.gentry.polkitRules): members of ${cfg.polkitRules.group} may run these helper
    // actions without a password, from an active local session only.
    polkit.addRule(function (action, subject) {
      var gentry = ${builtins.toJSON (map (v: "org.gentry.helper.${v}") cfg.polkitRules.withoutPassword)};
      if (gentry.indexOf(action.id) >= 0 && subject.local && subject.active && subject.isInGroup(${builtins.toJSON cfg.polkitRules.group})) {
        return polkit.Result.YES;
      }
    });
  '';

  # True when the person wrote programs.gentry.helper.enable themselves (not left at its default).
  helperEnableSetByHand = options.programs.gentry.helper.enable.highestPrio < (lib.mkOptionDefault null).priority;
in
{
  options.programs.gentry = {
    enable = lib.mkEnableOption "Gentry, the app for NixOS and home-manager generations";

    package = lib.mkOption {
      type = lib.types.package;
      default = pkgs.gentry or (throw "programs.gentry.package: pkgs has no gentry; import the Gentry flake's nixosModules.default (which sets it), add its overlays.default, or set programs.gentry.package.");
      defaultText = lib.literalExpression "the Gentry flake's gentry package, built with this system's nixpkgs";
      description = "The Gentry package (the window, `gentry-app`, and the `gentry` command).";
    };

    helper = {
      enable = lib.mkOption {
        type = lib.types.bool;
        default = true;
        description = ''
          Whether to install Gentry's privileged helper and its polkit policy. Without it Gentry still
          lists and diffs generations, but switching, boot-menu edits, deleting generations, garbage
          collection and rebuilds fail.
        '';
      };

      package = lib.mkOption {
        type = lib.types.package;
        default = pkgs.gentry-helper or (throw "programs.gentry.helper.package: pkgs has no gentry-helper; import the Gentry flake's nixosModules.default (which sets it), add its overlays.default, or set programs.gentry.helper.package.");
        defaultText = lib.literalExpression "the Gentry flake's gentry-helper package, built with this system's nixpkgs";
        description = "The helper package: `libexec/gentry-helper` and `share/polkit-1/actions/org.gentry.helper.policy`.";
      };

      path = lib.mkOption {
        type = lib.types.str;
        default = helperPath;
        readOnly = true;
        description = "Where the helper is on the running system: the path the polkit policy names and Gentry passes to pkexec (read-only).";
      };
    };

    polkitRules = {
      group = lib.mkOption {
        type = lib.types.str;
        default = "wheel";
        description = "The group whose members may run the actions in `withoutPassword` without a password.";
      };

      withoutPassword = lib.mkOption {
        type = lib.types.listOf (lib.types.enum verbs);
        default = [ ];
        example = [ "boot" ];
        description = ''
          Helper actions that members of `group` may run without a password (from an active local
          session). Each one is a risk; by default every action asks for an administrator's password.
          - `boot`: change the boot menu's default and next-boot entry and the timeout (entries that
            already exist only). Any program the person runs could make the machine boot an older
            generation next time. The least risky one.
          - `boot-entry`: write or remove a boot entry NixOS does not manage. An entry chooses the
            kernel and its command line (`init=`), so any program could make the next boot run code
            of its choice as PID 1: root at the next boot. The module warns when it is listed.
          - `switch`: activate another generation of a system profile. Any program could roll the
            system back to a generation with known security holes.
          - `delete-generations`: remove rollback targets for good (never the current or booted one).
          - `collect-garbage`: delete unreachable store paths, which cannot be brought back offline.
          - `rebuild`: build and activate any flake as root. This is the same as passwordless root
            for the whole group; the module warns when it is listed.
        '';
      };
    };
  };

  config = lib.mkMerge [
    {
      assertions = [
        {
          assertion = cfg.enable || !(cfg.helper.enable && helperEnableSetByHand);
          message = "programs.gentry.helper.enable is set, but programs.gentry.enable is not: the helper is installed only together with Gentry. Set programs.gentry.enable = true, or remove programs.gentry.helper.enable.";
        }
        {
          assertion = cfg.polkitRules.withoutPassword == [ ] || (cfg.enable && cfg.helper.enable);
          message = "programs.gentry.polkitRules.withoutPassword is set, but the helper is not installed (it needs programs.gentry.enable = true and programs.gentry.helper.enable = true). Enable both, or clear programs.gentry.polkitRules.withoutPassword.";
        }
      ];
    }

    (lib.mkIf cfg.enable {
      environment.systemPackages = [ cfg.package ];
    })

    (lib.mkIf (cfg.enable && cfg.helper.enable) (lib.mkMerge [
      {
        environment.systemPackages = [ cfg.helper.package ];
        environment.pathsToLink = [ "/libexec" ];
        security.polkit.enable = lib.mkDefault true;
        assertions = [
          {
            assertion = config.security.polkit.enable;
            message = "programs.gentry.helper needs polkit, but security.polkit.enable is false: pkexec could not authorise the helper. Set security.polkit.enable = true, or programs.gentry.helper.enable = false.";
          }
        ];
        warnings =
          lib.optional (lib.elem "rebuild" cfg.polkitRules.withoutPassword)
            "programs.gentry.polkitRules.withoutPassword lists \"rebuild\": every member of ${cfg.polkitRules.group} (and every program they run) can now build and activate any flake as root without a password, which is passwordless root."
          ++ lib.optional (lib.elem "boot-entry" cfg.polkitRules.withoutPassword)
            "programs.gentry.polkitRules.withoutPassword lists \"boot-entry\": every member of ${cfg.polkitRules.group} (and every program they run) can now add a boot entry with any kernel command line without a password, which is root at the next boot.";
        security.polkit.extraConfig = lib.mkIf (cfg.polkitRules.withoutPassword != [ ]) rulesText;
      }
      # nixpkgs made the setuid pkexec wrapper opt-in in June 2026 (PR #530106); older nixpkgs has no
      # such option and always installs the wrapper.
      (lib.optionalAttrs hasPkexecWrapperOption {
        security.polkit.enablePkexecWrapper = lib.mkDefault true;
        assertions = [
          {
            assertion = config.security.polkit.enablePkexecWrapper;
            message = "programs.gentry.helper needs the setuid pkexec wrapper, but security.polkit.enablePkexecWrapper is false (pkexec would fail with \"pkexec must be setuid root\"). Set security.polkit.enablePkexecWrapper = true, or programs.gentry.helper.enable = false.";
          }
        ];
      })
    ]))
  ];
}
