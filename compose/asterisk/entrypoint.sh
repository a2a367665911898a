#!/usr/bin/env bash
# Builds /etc/asterisk from Debian's stock files + the mounted examples + the compose overlay,
# opens HTTP/ARI and SIP to the container network, and runs Asterisk in the foreground.
set -euo pipefail
SRC=/etc/asterisk-crmrouter
rm -rf /etc/asterisk
cp -a /etc/asterisk.dist /etc/asterisk
for f in "$SRC"/examples/*.conf; do
  # asterisk.conf stays Debian's (it has the [directories]); the user is given with -U/-G below.
  [[ $(basename "$f") == asterisk.conf ]] || cp "$f" /etc/asterisk/
done
if compgen -G "$SRC/overlay/*.conf" >/dev/null; then cp "$SRC"/overlay/*.conf /etc/asterisk/; fi
# The examples bind to loopback (router on the same host); here the router is another container.
sed -i -E 's/^bindaddr[[:space:]]*=.*/bindaddr = 0.0.0.0/' /etc/asterisk/http.conf
sed -i -E 's/^bind[[:space:]]*=[[:space:]]*127\.0\.0\.1:/bind = 0.0.0.0:/' /etc/asterisk/pjsip.conf
chown -R asterisk:asterisk /etc/asterisk /var/lib/asterisk /var/log/asterisk /var/spool/asterisk /var/run/asterisk 2>/dev/null || true
exec /usr/sbin/asterisk -f -n -U asterisk -G asterisk
