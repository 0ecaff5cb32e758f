# gentry-helper: the privileged helper (Rust, standard library only) and its polkit policy.
# $out/libexec/gentry-helper and $out/share/polkit-1/actions/org.gentry.helper.policy; the NixOS
# module links both into /run/current-system/sw, where the policy says the helper is.
{ lib, rustPlatform, src, version }:
let
  # The path the policy names for every action (see nix/nixos-module.nix).
  policyExecPath = "/run/current-system/sw/libexec/gentry-helper";
in
rustPlatform.buildRustPackage {
  pname = "gentry-helper";
  inherit version src;
  sourceRoot = "${src.name or "source"}/native-helpers/gentry-helper";

  # No dependencies: the lock file lists only the crate itself.
  cargoLock.lockFile = ../native-helpers/gentry-helper/Cargo.lock;

  postInstall = ''
    mkdir -p $out/libexec
    mv $out/bin/gentry-helper $out/libexec/gentry-helper
    rmdir $out/bin
    policy=../polkit/org.gentry.helper.policy
    # Every action must name the path the module links the helper to; a policy that names another
    # path would make pkexec fall back to its generic action without a word.
    paths=$(grep -o 'org.freedesktop.policykit.exec.path">[^<]*' "$policy" | sed 's/.*">//') || true
    if [ -z "$paths" ]; then
      echo "error: $policy names no org.freedesktop.policykit.exec.path" >&2
      exit 1
    fi
    if printf '%s\n' "$paths" | grep -vxF '${policyExecPath}' >&2; then
      echo "error: $policy names an exec.path other than ${policyExecPath} (above)" >&2
      exit 1
    fi
    install -Dm644 "$policy" $out/share/polkit-1/actions/org.gentry.helper.policy
  '';

  passthru = { inherit policyExecPath; };

  meta = {
    description = "Gentry's privileged helper: switch, delete generations, collect garbage, edit the boot menu and rebuild, through pkexec";
    license = lib.licenses.mit;
    platforms = lib.platforms.linux;
  };
}
