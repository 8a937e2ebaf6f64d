#!/usr/bin/python3
"""Generates the tag constants (and, for Tag, the Implicit VR table) of the Java tag classes from
the standard's data dictionary (DICOM PS3.6, as pydicom ships it in pydicom._dicom_dict).

Usage (from anywhere):
    /usr/bin/python3 guard-core/src/dictionary/generate_tags.py           # rewrite every target
    /usr/bin/python3 guard-core/src/dictionary/generate_tags.py --print Tag  # one generated block to stdout

Each target's keyword list says which tags the code needs, in which groups (one standard keyword a
line, "| note" for the Javadoc, "== Section" starts a group, "#" comments); numbers, VRs and the
standard's spelling come from the dictionary. Only the block between the BEGIN GENERATED and END
GENERATED lines of the Java file is replaced; the rest of the class is written by hand. Tests in
guard-core (TagDictionaryTest) and guard-dicom-out (SrTagsDictionaryTest) check that the committed
blocks are what this script prints.
"""
import os
import sys

import pydicom
from pydicom._dicom_dict import DicomDictionary

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..'))
# name: (keyword list, Java file, whether to emit the Implicit VR table), paths from the repository root
TARGETS = {
    'Tag': ('guard-core/src/dictionary/tags.txt',
            'guard-core/src/main/java/org/dicomguard/core/dicom/Tag.java', True),
    'SrTags': ('guard-dicom-out/src/dictionary/sr-tags.txt',
               'guard-dicom-out/src/main/java/org/dicomguard/dicomout/SrTags.java', False),
}
SCRIPT = 'guard-core/src/dictionary/generate_tags.py'
BEGIN = '    // BEGIN GENERATED'
END = '    // END GENERATED'

BY_KEYWORD = {entry[4]: tag for tag, entry in DicomDictionary.items()}


def implicit_vr(vr):
    """The VR an Implicit VR reader assumes: PS3.5 A.1 reads "OB or OW" pixel data and
    "US or OW" LUT data as OW; other "X or Y" VRs (US or SS) as their first choice."""
    choices = vr.split(' or ')
    if 'NONE' in choices:
        return None
    return 'OW' if 'OW' in choices else choices[0]


def block(name):
    keywords_path, _, with_implicit = TARGETS[name]
    lines = [BEGIN + ' by ' + SCRIPT + ' from ' + keywords_path,
             '    // and the DICOM data dictionary of pydicom ' + pydicom.__version__
             + '. Do not edit: edit the list and run the script.']
    header_lines = len(lines)
    implicit = []
    with open(os.path.join(ROOT, keywords_path), encoding='utf-8') as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith('#'):
                continue
            if line.startswith('=='):
                if len(lines) > header_lines:
                    lines.append('')
                lines.append('    // --- ' + line[2:].strip() + ' ---')
                continue
            keyword, _, note = (part.strip() for part in line.partition('|'))
            if keyword not in BY_KEYWORD:
                sys.exit('unknown keyword in ' + keywords_path + ': ' + keyword)
            tag = BY_KEYWORD[keyword]
            vr = DicomDictionary[tag][0]
            shown = 'no VR' if vr == 'NONE' else 'VR ' + vr
            text = '(%04X,%04X) %s, %s' % (tag >> 16, tag & 0xFFFF, keyword, shown)
            lines.append('    /** ' + text + (': ' + note if note else '') + '. */')
            lines.append('    public static final int %s = 0x%08X;' % (keyword, tag))
            if implicit_vr(vr):
                implicit.append((keyword, implicit_vr(vr)))
    if with_implicit:
        lines.append('')
        lines.append('    /** The VR an Implicit VR data set implies for each tag above (PS3.5 A.1 for "OB or OW"). */')
        lines.append('    private static final Map<Integer, VR> IMPLICIT_VRS = Map.ofEntries(')
        for i, (keyword, vr) in enumerate(implicit):
            end = ');' if i == len(implicit) - 1 else ','
            lines.append('            Map.entry(%s, VR.%s)%s' % (keyword, vr, end))
    lines.append(END)
    return '\n'.join(lines) + '\n'


def rewrite(name):
    java_path = os.path.join(ROOT, TARGETS[name][1])
    with open(java_path, encoding='utf-8') as f:
        text = f.read()
    start = text.index(BEGIN)
    end = text.index('\n', text.index(END, start)) + 1
    with open(java_path, 'w', encoding='utf-8') as f:
        f.write(text[:start] + block(name) + text[end:])


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--print' and sys.argv[2] in TARGETS:
        sys.stdout.write(block(sys.argv[2]))
    elif len(sys.argv) == 1:
        for target in TARGETS:
            rewrite(target)
    else:
        sys.exit('usage: generate_tags.py [--print ' + '|'.join(TARGETS) + ']')
