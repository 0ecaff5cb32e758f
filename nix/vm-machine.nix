# The machine of the NixOS VM test (nix/vm-test.nix), apart from nixpkgs' own test modules so that
# nix/flake.integration.test.ts can evaluate it where there is no nixpkgs.
{ self }:
{ ... }:
{
  imports = [ self.nixosModules.default ];

  programs.gentry = {
    enable = true;
    # One action without a password, so the test can run the helper as a wheel user with no
    # authentication agent; every other action still asks (and, with no agent, is refused).
    polkitRules.withoutPassword = [ "collect-garbage" ];
  };

  # nixpkgs' tests/common/user-account.nix makes alice; she is the wheel user here.
  users.users.alice.extraGroups = [ "wheel" ];

  # tests/common/x11.nix logs this user into an X session (Electron apps do not run as root).
  test-support.displayManager.auto.user = "alice";

  virtualisation.memorySize = 2048;
}
