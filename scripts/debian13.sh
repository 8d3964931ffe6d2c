#!/usr/bin/env bash
# A fresh Debian 13 (trixie) machine, to show that the README's two commands work there as on
# Debian 12: a minimal trixie system built with debootstrap from the Debian archive this
# machine's apt uses (as scripts/qgis344.sh builds its chroot, but without backports, so that
# `make setup` inside installs Debian 13's own QGIS 3.40 as "the host"), a clean clone of this
# repository in it, and then, inside, exactly `make test` or `make demo`.
#
#   scripts/debian13.sh test [LOG]   make test on a fresh Debian 13 (log: LOG, default
#                                    /var/tmp/megaregion-debian13-test.log)
#   scripts/debian13.sh demo [LOG]   make demo likewise
#
# Only the minimal base system (debootstrap, about 1 minute) is cached, in
# $MEGAREGION_DEBIAN13_ROOT (default /var/cache/megaregion/trixie-base); every run works in a
# throw-away copy of it, so what `make setup` installs is installed afresh each time. The
# suite's own QGIS 3.44 chroot (scripts/qgis344.sh) is the host's cached one, bound at the same
# path, so it is not built twice. The clone sees the committed HEAD of this repository, and
# ../shared beside it when the repository has one (read-only). Run as root; takes about 20
# minutes on 2 cores.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

BASE=${MEGAREGION_DEBIAN13_ROOT:-/var/cache/megaregion/trixie-base}
SUITE=trixie
QGIS344_ROOT=${MEGAREGION_QGIS344_ROOT:-/var/cache/megaregion/trixie-qgis}
# What a fresh Debian machine of this project has before `make`: the clone and make.
BASE_PACKAGES=(ca-certificates git make)
RECIPE_VERSION=2

trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
log() { echo "debian13: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=scripts/chroot_lib.sh
. "$here/scripts/chroot_lib.sh"

recipe_hash() {
  printf '%s\n' "recipe=$RECIPE_VERSION" "suite=$SUITE" "packages=${BASE_PACKAGES[*]}" | sha256sum | cut -d' ' -f1
}

build_base() {
  [ -f "$BASE/.megaregion-stamp" ] && [ "$(cat "$BASE/.megaregion-stamp")" = "$(recipe_hash)" ] && return 0
  ensure_debootstrap
  local mirror security tmp
  mirror=$(mirror_uri) || die "no Debian archive found in /etc/apt/sources.list{,.d}"
  security=$(security_uri || true)
  mkdir -p "$(dirname "$BASE")"
  remove_tree "$BASE"
  tmp=$(mktemp -d "$BASE.new.XXXXXX")
  chmod 755 "$tmp"
  trap 'remove_tree "'"$tmp"'" || true' EXIT
  log "debootstrap $SUITE into $tmp"
  debootstrap --variant=minbase --components=main \
    --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
    "$SUITE" "$tmp" "$mirror" >"$tmp.log" 2>&1 || { tail -20 "$tmp.log" >&2; die "debootstrap failed"; }
  rm -f "$tmp.log"
  # The sources a Debian 13 machine has: the release, its updates and security; no backports.
  rm -f "$tmp/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$mirror" "$SUITE" "$SUITE"
    if [ -n "$security" ]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$security" "$SUITE"
    fi
  } >"$tmp/etc/apt/sources.list.d/debian.sources"
  local key val
  for key in Acquire::Check-Valid-Until Acquire::Check-Date; do
    val=$(apt-config dump "$key" | awk -v k="$key" '$1 == k { gsub(/[";]/, "", $2); print $2 }')
    [ -n "$val" ] && echo "$key \"$val\";"
  done >"$tmp/etc/apt/apt.conf.d/90megaregion"
  printf '#!/bin/sh\nexit 101\n' >"$tmp/usr/sbin/policy-rc.d"
  chmod 755 "$tmp/usr/sbin/policy-rc.d"
  cp -L /etc/resolv.conf "$tmp/etc/resolv.conf" 2>/dev/null || true
  cp -L /etc/hosts "$tmp/etc/hosts" 2>/dev/null || true
  # The package clients as this machine has them set up (pip's configuration files).
  local f
  for f in /etc/pip.conf /etc/xdg/pip /root/.config/pip; do
    if [ -e "$f" ]; then mkdir -p "$tmp$(dirname "$f")"; cp -a "$f" "$tmp$f"; fi
  done
  in_chroot "$tmp" apt-get update -q >/dev/null
  in_chroot "$tmp" apt-get install -y -q --no-install-recommends "${BASE_PACKAGES[@]}" >/dev/null
  # The certificate authorities this machine adds to Debian's (its network reaches the package
  # registries through them).
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$tmp/usr/local/share/ca-certificates/"
    in_chroot "$tmp" update-ca-certificates >/dev/null
  fi
  in_chroot "$tmp" apt-get clean
  recipe_hash >"$tmp/.megaregion-stamp"
  mv "$tmp" "$BASE"
  trap - EXIT
  log "built $BASE"
}

run() {
  local target=$1 logfile=$2
  [ "$(id -u)" = 0 ] || die "building and entering the chroot needs root"
  build_base
  local work
  work=$(mktemp -d /var/tmp/megaregion-debian13.XXXXXX)
  chmod 755 "$work"
  trap 'remove_tree "'"$work"'" || true' EXIT
  log "copying the base system into $work"
  cp -a "$BASE/." "$work/"
  # A clean clone of the committed repository, with ../shared beside it as on the machines.
  git clone -q --no-hardlinks "$here" "$work/work/megaregion"
  local shared
  shared=$(dirname "$here")/shared
  log "make $target in a fresh Debian 13 (log: $logfile)"
  local rc=0 t0=$SECONDS
  unshare --mount --propagation private -- bash -euo pipefail -c '
    root=$1 shared=$2 q344=$3 target=$4; shift 4
    # The system'"'"'s root a mount point of its own, as on a machine: the suite'"'"'s 3.44 run makes
    # its mounts private (unshare --propagation private), which needs / to be one.
    mount --bind "$root" "$root"
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --rbind /sys "$root/sys"
    mount -t tmpfs tmpfs "$root/tmp"
    if [ -d "$shared" ]; then mkdir -p "$root/work/shared"; mount --bind -o ro "$shared" "$root/work/shared"; fi
    if [ -d "$q344" ]; then mkdir -p "$root$q344"; mount --bind "$q344" "$root$q344"; fi
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
      DEBIAN_FRONTEND=noninteractive /bin/bash -c "cd /work/megaregion && make $target"
  ' run "$work" "$shared" "$QGIS344_ROOT" "$target" >"$logfile" 2>&1 || rc=$?
  log "make $target exited $rc after $((SECONDS - t0)) s; the log's last lines:"
  tail -15 "$logfile" >&2
  return $rc
}

main() {
  case "${1:-}" in
    test|demo) run "$1" "${2:-/var/tmp/megaregion-debian13-$1.log}" ;;
    *) echo "usage: $0 test [LOG] | demo [LOG]" >&2; return 2 ;;
  esac
}

main "$@"; exit $?
