# checks.<system>.vm: a NixOS VM with programs.gentry enabled. It boots, lists generations with
# `gentry list --json` as a normal user, runs one helper verb as a wheel user through pkexec (allowed
# by programs.gentry.polkitRules), sees another one refused, and starts the window under X11 and
# takes a screenshot.
#
# NOT RUN on Gentry's build machines: they have Nix 2.8 but no nixpkgs (pkgs.testers.runNixOSTest,
# nixos/tests/common/*.nix) and no KVM. There, nix/flake.integration.test.ts evaluates this file with
# a stand-in runNixOSTest and evaluates the machine module (nix/vm-machine.nix) with nixpkgs' real
# lib.evalModules and declarations of the NixOS options it sets. Run it with nixpkgs and KVM:
#   nix build .#checks.x86_64-linux.vm -L
{ pkgs, self }:
pkgs.testers.runNixOSTest {
  name = "gentry";

  nodes.machine = {
    imports = [
      "${pkgs.path}/nixos/tests/common/user-account.nix"
      "${pkgs.path}/nixos/tests/common/x11.nix"
      (import ./vm-machine.nix { inherit self; })
    ];
  };

  enableOCR = false;

  testScript = ''
    import json

    helper = "/run/current-system/sw/libexec/gentry-helper"

    start_all()
    machine.wait_for_unit("multi-user.target")

    with subtest("the helper and its policy are where pkexec and polkitd look"):
        machine.succeed(f"test -x {helper}")
        machine.succeed("test -f /run/current-system/sw/share/polkit-1/actions/org.gentry.helper.policy")
        machine.succeed(f"grep -q '>{helper}<' /run/current-system/sw/share/polkit-1/actions/org.gentry.helper.policy")
        machine.succeed("test -u /run/wrappers/bin/pkexec")

    with subtest("gentry list --json as a normal user"):
        listing = json.loads(machine.succeed("su - alice -c 'gentry list --json'"))
        system = [p for p in listing["profiles"] if p["kind"] == "system" and p["name"] == "system"]
        assert len(system) == 1, f"no system profile in {listing}"
        assert any(g["current"] for g in system[0]["generations"]), "no current system generation"

    with subtest("a helper verb through pkexec, allowed by programs.gentry.polkitRules"):
        out = machine.succeed(f"su - alice -c 'pkexec {helper} collect-garbage --dry-run'")
        result = [json.loads(l) for l in out.splitlines() if l.startswith("{")][-1]
        assert result["event"] == "result", result

    with subtest("an action without a rule is refused (no password, no agent): exit 127, nothing runs"):
        status, _ = machine.execute(f"su - alice -c 'pkexec {helper} switch --profile system --generation 1 --mode test'")
        assert status == 127, f"pkexec exited {status}"

    with subtest("the window under X11"):
        machine.wait_for_x()
        machine.execute("su - alice -c 'DISPLAY=:0 gentry-app >/tmp/gentry-app.log 2>&1 &'")
        machine.wait_for_window("Gentry")
        machine.screenshot("gentry")
  '';
}
