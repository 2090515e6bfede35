#!/usr/bin/env bash
# Builds chaperone_VERSION_ARCH.deb with dpkg-deb, from this repository.
#
#   deploy/debian/build-deb.sh [--binary PATH] [--out DIR] [--compression xz|gzip|none]
#                              [--allow-unpackaged-libraries]
#
# --binary PATH   the chaperone executable to package (default: a release build made
#                 now, with the Swift runtime linked in: swift build -c release
#                 --product chaperone --static-swift-stdlib)
# --out DIR       where the .deb is written (default: .build/debian); prints its path
# --compression   of the package's files (default xz, as Debian's archive; the install
#                 test uses none: xz of a debug binary takes minutes)
# --allow-unpackaged-libraries
#                 package a binary that needs shared libraries no Debian package
#                 provides (a debug build needs the toolchain's Swift runtime in /opt):
#                 for tests on the build machine only, never for a school's server.
#
# The version is ChaperoneVersion.current (Sources/chaperone/ChaperoneVersion.swift) and
# must be what the binary's --version prints. The man pages are the committed ones in
# deploy/debian/man (made by swift-argument-parser's generate-manual plugin, see
# generate-man-pages.sh); the build refuses a binary whose --help they no longer match.
# Run it as any user: file owners in the package are root (dpkg-deb --root-owner-group).
set -euo pipefail

usage() { sed -n '4,16p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "build-deb.sh: $*" >&2; exit 1; }
usage_error() { echo "build-deb.sh: $*" >&2; usage >&2; exit 2; }

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/deploy/debian"
binary=""
out="$root/.build/debian"
allow_unpackaged=no
compression=xz
while [ $# -gt 0 ]; do
    case "$1" in
    --binary) [ $# -ge 2 ] || usage_error "--binary needs a path"; binary=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || usage_error "--out needs a directory"; out=$2; shift 2 ;;
    --compression)
        [ $# -ge 2 ] && [[ $2 =~ ^(xz|gzip|none)$ ]] || usage_error "--compression needs xz, gzip or none"
        compression=$2; shift 2 ;;
    --allow-unpackaged-libraries) allow_unpackaged=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown argument '$1'" ;;
    esac
done

version=$(sed -n 's/^ *static let current = "\([^"]*\)".*/\1/p' "$root/Sources/chaperone/ChaperoneVersion.swift")
[ -n "$version" ] || fail "no version in Sources/chaperone/ChaperoneVersion.swift (expected the line: static let current = \"X.Y.Z\")"

if [ -z "$binary" ]; then
    (cd "$root" && swift build -c release --product chaperone --static-swift-stdlib)
    binary="$(cd "$root" && swift build -c release --show-bin-path)/chaperone"
fi
[ -f "$binary" ] && [ -x "$binary" ] || fail "$binary is not an executable file: build it, or pass --binary PATH"
reported=$("$binary" --version) || fail "$binary --version failed"
[ "$reported" = "$version" ] ||
    fail "$binary is version $reported but ChaperoneVersion.swift says $version: rebuild the binary"
if ! "$binary" --experimental-dump-help | cmp -s - "$here/man/chaperone.help.json"; then
    fail "the man pages in deploy/debian/man do not match $binary --help: run deploy/debian/generate-man-pages.sh and commit them"
fi

arch=$(dpkg --print-architecture)
if [ -n "${DEBEMAIL:-}" ]; then
    maintainer="${DEBFULLNAME:-Chaperone maintainers} <$DEBEMAIL>"
else
    maintainer=$(git -C "$root" log -1 --format='%an <%ae>')
fi
# Dates inside the package are the last commit's, so a rebuild gives the same files.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct)}
changelog_date=$(date -u -R -d "@$SOURCE_DATE_EPOCH")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage="$work/chaperone_${version}_$arch"
doc="$stage/usr/share/doc/chaperone"
mkdir -p "$stage/DEBIAN" "$stage/usr/bin" "$stage/lib/systemd/system" "$stage/usr/lib/sysusers.d" \
    "$stage/usr/lib/tmpfiles.d" "$stage/etc/chaperone/roster" "$stage/usr/share/man/man1" \
    "$doc/deploy" "$doc/examples/roster" "$doc/examples/postfix"

# The binary, stripped of its symbol table as Debian policy asks.
install -m 0755 "$binary" "$stage/usr/bin/chaperone"
strip --strip-unneeded --remove-section=.comment "$stage/usr/bin/chaperone"

# Units: the repository's, with the packaged binary's and documentation's paths.
for unit in chaperone-milter.service chaperone-web.service chaperone-roster.path chaperone-roster.service; do
    sed -e 's|/usr/local/bin/chaperone|/usr/bin/chaperone|g' \
        -e 's|file:///usr/local/share/doc/chaperone/deploy/README.md|man:chaperone(1) file:///usr/share/doc/chaperone/deploy/README.md|' \
        -e 's|file:///usr/share/doc/chaperone/README.md|man:chaperone(1) file:///usr/share/doc/chaperone/deploy/README.md|' \
        -e 's|^# /etc/systemd/system/|# /lib/systemd/system/|' \
        "$root/deploy/systemd/$unit" >"$stage/lib/systemd/system/$unit"
    chmod 0644 "$stage/lib/systemd/system/$unit"
done
install -m 0644 "$root/deploy/systemd/chaperone.sysusers" "$stage/usr/lib/sysusers.d/chaperone.conf"
install -m 0644 "$root/deploy/systemd/chaperone.tmpfiles" "$stage/usr/lib/tmpfiles.d/chaperone.conf"
sed -i 's|^# /etc/sysusers.d/chaperone.conf|# /usr/lib/sysusers.d/chaperone.conf|' "$stage/usr/lib/sysusers.d/chaperone.conf"
sed -i 's|^# /etc/tmpfiles.d/chaperone.conf|# /usr/lib/tmpfiles.d/chaperone.conf|' "$stage/usr/lib/tmpfiles.d/chaperone.conf"

# The configuration: the sample, with the state under /var and no sample school's lists.
"$here/packaged-config.sh" "$root/samples/chaperone.yaml" >"$stage/etc/chaperone/chaperone.yaml"
chmod 0644 "$stage/etc/chaperone/chaperone.yaml"
chmod 0755 "$stage/etc/chaperone" "$stage/etc/chaperone/roster"

# Man pages, one per subcommand.
for page in "$here"/man/*.1; do
    gzip -9n <"$page" >"$stage/usr/share/man/man1/$(basename "$page").gz"
done

# Documentation and examples (the sample school is invented).
install -m 0644 "$root/README.md" "$doc/README.md"
install -m 0644 "$root/deploy/README.md" "$doc/deploy/README.md"
install -m 0644 "$here/copyright" "$doc/copyright"
install -m 0644 "$root/samples/chaperone.yaml" "$doc/examples/chaperone.yaml"
install -m 0644 "$root"/samples/roster/* "$doc/examples/roster/"
install -m 0644 "$root"/deploy/postfix/* "$doc/examples/postfix/"
cp -R "$root/deploy/gateway" "$doc/examples/gateway"
printf 'chaperone (%s) bookworm; urgency=medium\n\n  * Release %s: see /usr/share/doc/chaperone/README.md.\n\n -- %s  %s\n' \
    "$version" "$version" "$maintainer" "$changelog_date" | gzip -9n >"$doc/changelog.gz"
find "$doc" -type d -exec chmod 0755 {} + && find "$doc" -type f -exec chmod 0644 {} +

# Dependencies: the shared libraries the binary needs, each from its Debian package.
unpackaged=$(ldd "$stage/usr/bin/chaperone" | awk '/=> \// { print $3 }' | while read -r lib; do
    dpkg-query -S "$(readlink -f "$lib")" >/dev/null 2>&1 || dpkg-query -S "$lib" >/dev/null 2>&1 || echo "$lib"
done)
if [ -n "$unpackaged" ] && [ "$allow_unpackaged" != yes ]; then
    fail "$binary needs libraries no Debian package provides: $(echo $unpackaged); build it with --static-swift-stdlib (the default build does)"
fi
mkdir -p "$work/shlibs/debian"
printf 'Source: chaperone\n\nPackage: chaperone\nArchitecture: any\n' >"$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O --ignore-missing-info -e"$stage/usr/bin/chaperone" 2>/dev/null |
    sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || fail "dpkg-shlibdeps found no dependencies for $binary"

installed_size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@MAINTAINER@|$maintainer|" \
    -e "s|@INSTALLED_SIZE@|$installed_size|" -e "s|@DEPENDS@|$depends|" \
    "$here/control" >"$stage/DEBIAN/control"
install -m 0644 "$here/conffiles" "$stage/DEBIAN/conffiles"
install -m 0755 "$here/postinst" "$here/prerm" "$here/postrm" "$stage/DEBIAN/"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/md5sums"
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$out"
deb="$out/chaperone_${version}_$arch.deb"
dpkg-deb --root-owner-group "-Z$compression" --build "$stage" "$deb" >/dev/null
echo "$deb"
