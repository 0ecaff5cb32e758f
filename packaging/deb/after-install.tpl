#!/bin/sh
# Gentry's deb, after install. Runs as root from dpkg; touches only files of this package and fetches
# nothing (no network at install time). electron-builder fills in the executable's and the product's names.
set -e
app='/opt/${sanitizedProductName}'

# A deb built without the helper (a bare electron-builder run, not npm run package) stops here, before
# it changes anything.
if [ ! -f /usr/libexec/gentry-helper ] || [ ! -f /usr/share/polkit-1/actions/org.gentry.helper.policy ]; then
  echo "gentry: this package lacks /usr/libexec/gentry-helper or its polkit policy; build the deb with npm run package" >&2
  exit 1
fi

# The window: /usr/bin/${executable} starts the app.
ln -sf "$app/${executable}" '/usr/bin/${executable}'

# Chromium's sandbox: the setuid chrome-sandbox only where user namespaces do not work at all.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$app/chrome-sandbox" || true
else
  chmod 4755 "$app/chrome-sandbox" || true
fi

# Ubuntu 24.04 and later let only programs with an AppArmor profile that says so create user namespaces
# (the test above runs as root, who may): install electron-builder's profile (resources/apparmor-profile,
# "userns" for this one binary) where AppArmor is on and can load it; skip it where the AppArmor is too old.
profile="$app/resources/apparmor-profile"
if [ -f "$profile" ] && command -v apparmor_parser >/dev/null 2>&1 && apparmor_status --enabled >/dev/null 2>&1; then
  if apparmor_parser --skip-kernel-load --debug "$profile" >/dev/null 2>&1; then
    cp -f "$profile" '/etc/apparmor.d/${executable}'
    # Loading it into the kernel means nothing inside a chroot (an image being built).
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
      apparmor_parser --replace --write-cache --skip-read-cache '/etc/apparmor.d/${executable}' || true
    fi
  else
    echo "gentry: this AppArmor cannot load the app's profile; the app runs without it" >&2
  fi
fi

# The privileged helper: root-owned and not writable by anyone else, or pkexec would run something a
# user could replace. polkitd notices the new policy in /usr/share/polkit-1/actions by itself.
chown root:root /usr/libexec/gentry-helper /usr/share/polkit-1/actions/org.gentry.helper.policy
chmod 0755 /usr/libexec/gentry-helper
chmod 0644 /usr/share/polkit-1/actions/org.gentry.helper.policy

if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q /usr/share/applications || true
fi
exit 0
