# Shared by scripts/qgis344.sh and scripts/debian13.sh (sourced, not run): the machine's apt
# sources, mounts under a chroot, debootstrap, and running a command inside a chroot. Expects
# log, die and SUITE from the script that sources it.

# --- the machine's apt sources ---------------------------------------------------------------
# Prints "URI SUITE" for every enabled deb entry, from Deb822 files (sources.list.d/*.sources)
# and one-line files (sources.list, sources.list.d/*.list).
apt_entries() {
  local f
  shopt -s nullglob
  for f in /etc/apt/sources.list.d/*.sources; do
    awk '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && enabled != "no")
          for (i = 1; i <= nu; i++) for (j = 1; j <= ns; j++) print u[i], s[j]
        types = ""; enabled = ""; nu = 0; ns = 0
      }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      {
        key = tolower($1); sub(/:$/, "", key)
        if (key == "types") { $1 = ""; types = $0 " " }
        else if (key == "enabled") enabled = tolower($2)
        else if (key == "uris") for (i = 2; i <= NF; i++) u[++nu] = $i
        else if (key == "suites") for (i = 2; i <= NF; i++) s[++ns] = $i
      }
      END { flush() }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" && NF >= 3 { print $2, $3 }'
  done
}

usable_uri() { [[ $1 =~ ^(https?|ftp|file):// ]]; }

# The Debian archive: the URI of the first entry whose suite is a release (not -security,
# -updates, -backports, ...). The security archive: the URI of an entry for a *-security suite.
mirror_uri() {
  local uri suite
  while read -r uri suite; do
    if usable_uri "$uri" && [[ $suite != */* && $suite != *-* ]]; then
      echo "${uri%/}"; return 0
    fi
  done < <(apt_entries)
  return 1
}

security_uri() {
  local uri suite
  while read -r uri suite; do
    if usable_uri "$uri" && [[ $suite == *-security || $suite == */updates ]]; then
      echo "${uri%/}"; return 0
    fi
  done < <(apt_entries)
  return 1
}

# --- mounts ----------------------------------------------------------------------------------
# Anything mounted at or under $1 in this mount namespace (deepest first).
mounts_under() {
  awk -v p="$1" '$2 == p || index($2, p "/") == 1 { print $2 }' /proc/self/mounts | sort -r
}

# Removes a chroot folder, never following a bind mount into what it mounts (rm would
# otherwise delete the repository bound inside).
remove_tree() {
  local dir=$1 m
  [ -e "$dir" ] || return 0
  for m in $(mounts_under "$dir"); do umount -l "$m" || true; done
  if [ -n "$(mounts_under "$dir")" ]; then
    die "$dir still has mounts: $(mounts_under "$dir" | tr '\n' ' '); not removing it"
  fi
  rm -rf --one-file-system "$dir"
}

ensure_debootstrap() {
  command -v debootstrap >/dev/null && [ -f /usr/share/debootstrap/scripts/$SUITE ] && return 0
  log "installing debootstrap"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    debootstrap debian-archive-keyring >/dev/null
  [ -f /usr/share/debootstrap/scripts/$SUITE ] || die "this debootstrap does not know $SUITE"
}

# Runs a command inside chroot $1 with /proc, /dev and /sys mounted, in a private mount
# namespace so nothing stays mounted after it ends.
in_chroot() {
  local dir=$1; shift
  unshare --mount --propagation private -- bash -euo pipefail -c '
    dir=$1; shift
    mount -t proc proc "$dir/proc"
    mount --rbind /dev "$dir/dev"
    mount --rbind /sys "$dir/sys"
    trap "umount -R \"\$dir/sys\" \"\$dir/dev\" \"\$dir/proc\" 2>/dev/null || true" EXIT
    chroot "$dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
      DEBIAN_FRONTEND=noninteractive "$@"
  ' in_chroot "$dir" "$@"
}
