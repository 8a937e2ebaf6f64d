#!/bin/sh
# Regenerates guard-core/src/test/resources/conformance/ (files + conformance.json) from scratch.
# Needs (Debian): dcmtk, libgdcm-tools, python3-pydicom, python3-numpy. Encoders: dcmtk and GDCM;
# reference decoders: dcmdjpeg, dcmdjpls, dcmdrle, gdcmconv --raw (OpenJPEG). The build and the
# tests never run these tools, only this script does.
set -eu
cd "$(dirname "$0")"
for tool in dcmcjpeg dcmdjpeg dcmcjpls dcmdjpls dcmcrle dcmdrle gdcmconv; do
    command -v "$tool" >/dev/null || { echo "make-corpus: $tool not installed (apt-get install dcmtk libgdcm-tools)" >&2; exit 1; }
done
exec /usr/bin/python3 make_corpus.py "$@"
