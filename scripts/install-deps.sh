#!/usr/bin/env bash
# Installs every Debian 12 package needed to build, run and test OneWindow.
# Safe to run again: apt-get skips what is already installed.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang-format git
  # libFuzzer targets (tests/fuzz) and sanitizer runtimes
  clang libclang-rt-14-dev
  # integration tests: pseudo-terminals, private mount namespaces, TLS test PKI
  util-linux openssl python3
  # the reference hub signs licences with ECDSA P-256 (SM2 goes through the openssl command)
  python3-cryptography
  # Qt 6 core, QML runtime modules (templates and folderlistmodel are not pulled in
  # automatically by the controls and the virtual keyboard)
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-tools-dev qt6-l10n-tools
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtqml
  qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qtcore
  qml6-module-qttest qml6-module-qt-labs-folderlistmodel
  qt6-virtualkeyboard-plugin qml6-module-qtquick-virtualkeyboard
  # the virtual keyboard's en_US word list (Debian ships none for its default en_GB)
  hunspell-en-us
  qt6-speech-dev qml6-module-qttexttospeech libqt6sql6-sqlite qt6-serialport-dev
  # spoken prompts: the speechd engine for Qt TextToSpeech and Mandarin/English voices
  qt6-speech-speechd-plugin speech-dispatcher speech-dispatcher-espeak-ng
  # Chinese input (app/input): pinyin decoder with its dictionary, OpenCC for zh_TW, and the
  # virtual keyboard headers for our custom input method
  libgooglepinyin0-dev libopencc-dev qt6-virtualkeyboard-dev
  # card stacks
  libnfc-dev libnfc-bin libpcsclite-dev pcscd pcsc-tools vsmartcard-vpcd
  # storage, network, crypto, receipts, systemd
  libcurl4-openssl-dev libsqlite3-dev libssl-dev libqrencode-dev libsystemd-dev
  # phone numbers by region (app/phone): libphonenumber, which brings ICU and protobuf
  libphonenumber-dev
  # CJK glyphs and a virtual display for the kiosk window and screenshots
  fonts-noto-cjk xvfb xauth
  # the Debian package (tests/packaging): its run-time dependencies, so `dpkg -i` installs
  # it here (cage compositor, Xwayland, the Qt Wayland platform), and lintian to check it
  cage xwayland qt6-wayland lintian
  # the package test: systemd-analyze verify on the units (no systemd needs to run), fakeroot for cpack
  systemd fakeroot
  # the package test runs the kiosk under the unit's seccomp filters (tests/packaging/unit_sandbox.py)
  python3-seccomp
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
