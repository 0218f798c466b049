#!/usr/bin/env bash
# Installs, from Debian's packages, the system programs Thông Suốt and its tests use and a fresh
# machine lacks. Each is checked by the file it provides, so a machine that has it installs nothing.
#
#   usage: scripts/ensure-system-deps.sh [run|test]     (default: test)
#
# run  — what the product needs at run time (`make run`):
#        tesseract-ocr + tesseract-ocr-vie + tesseract-ocr-osd   OCR of scans and photos (Vietnamese model, page orientation)
#        poppler-utils                                         pdftoppm: rasterising PDF pages for OCR and page images
#        libreoffice-writer-nogui                              old Word files (.doc, .rtf, .odt) -> DOCX; DOCX -> PDF
#        fonts-liberation2                                     Times New Roman-metric fonts with full Vietnamese coverage
#                                                              (fonts-liberation 1.07 lacks precomposed Vietnamese letters:
#                                                              LibreOffice's PDFs then show "Đ NG B" for "ĐẢNG BỘ")
# test — the above, plus what only the tests need:
#        postgresql                                            a real PostgreSQL server for the storage suite
#        chromium                                              browser tests through Playwright (executable_path)
set -euo pipefail
mode="${1:-test}"
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-vie)
ls /usr/share/tesseract-ocr/*/tessdata/osd.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-osd)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
ls /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf >/dev/null 2>&1 || need+=(fonts-liberation2)
if [ "$mode" = test ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need+=(postgresql postgresql-contrib)
  [ -x /usr/bin/chromium ] || need+=(chromium)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
