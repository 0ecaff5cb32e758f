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

# Chromium's sandbox: the setuid chrome-sandbox only where unprivileged user namespaces do not work.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$app/chrome-sandbox" || true
else
  chmod 4755 "$app/chrome-sandbox" || true
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
