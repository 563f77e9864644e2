#!/usr/bin/env bash
# Refreshes resources/i18n/*.ts from the texts in app/ and qml/ (source language: English).
# New texts arrive as "unfinished"; translate them in Qt Linguist or by hand. The unit test
# tst_ui_translations fails while zh_CN or zh_TW has an unfinished entry.
set -euo pipefail
cd "$(dirname "$0")/.."
for lang in zh_CN zh_TW en; do
  /usr/lib/qt6/bin/lupdate -silent -no-obsolete -locations none -source-language en \
    -target-language "$lang" app qml -ts "resources/i18n/onewindow_${lang}.ts"
done
