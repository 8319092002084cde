# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/run and scripts/test: the Debian 12 packages RentDesk needs, and the
# build through CMake presets. Sourced, not run.

# What building and running RentDesk needs. Qt Charts' CMake package needs Qt OpenGL's, which
# qt6-charts-dev does not pull in by itself. qt6-image-formats-plugins reads WebP photos
# (models/photos/); without it WebP is refused with a sentence saying so.
RENTDESK_BUILD_PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev libqt6sql6-sqlite qt6-websockets-dev qt6-httpserver-dev
    qt6-charts-dev libqt6opengl6-dev
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins
    libsqlite3-dev libpq-dev libsodium-dev libzxcvbn-dev qtkeychain-qt6-dev libsecret-1-0
    libical-dev qt6-image-formats-plugins
)
# What the test suite needs on top (real servers the integration tests start): a real SMTP
# server (aiosmtpd, run with Debian's /usr/bin/python3) and the cryptography package that makes
# its throw-away certificate authority; a real keyring (gnome-keyring on a private dbus-daemon);
# PostgreSQL 15 for the throw-away clusters the tests start (tests/support/postgrescluster.h),
# with Qt's driver for it; pdftotext, which reads back the PDFs RentDesk writes; Python's
# icalendar, which reads back the calendars RentDesk writes.
RENTDESK_TEST_PACKAGES=(
    "${RENTDESK_BUILD_PACKAGES[@]}"
    python3 python3-aiosmtpd python3-cryptography
    dbus-daemon gnome-keyring
    postgresql-15 libqt6sql6-psql
    poppler-utils python3-icalendar
)

rentdesk_root() {
    cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd
}

# Installs the packages that are missing, as root; otherwise prints the exact command.
rentdesk_ensure_packages() {
    local missing=() package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    if [ "$(id -u)" -ne 0 ]; then
        echo "RentDesk needs these Debian packages, which are not installed:" >&2
        echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine may have no package lists yet; fetch them only when needed.
    if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
        apt-get update
        apt-get install -y --no-install-recommends "${missing[@]}"
    fi
}

# Configures once (CMake re-runs itself when a CMakeLists.txt changes), then builds what
# changed: everything, or the targets given after the preset (scripts/package builds only what
# the packages hold).
rentdesk_build() {
    local preset=$1 root
    shift
    root=$(rentdesk_root)
    if [ ! -f "$root/build/$preset/CMakeCache.txt" ]; then
        cmake -S "$root" --preset "$preset"
    fi
    cmake --build "$root/build/$preset" ${1:+--target "$@"}
}
